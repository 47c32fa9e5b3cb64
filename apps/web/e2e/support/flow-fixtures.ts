import type { Page } from 'playwright-core';
/** Set-up shared by the Flow Builder and contacts end-to-end tests: API calls and the HubSpot connector. */

/** Calls the API as the signed-in user (the page's cookie), for the set-up that is not under test here. */
export async function api<T>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  const response = await page.request.fetch(`${baseUrl}/api/v1${path}`, {
    method,
    data: body,
    headers: { 'content-type': 'application/json' },
  });
  if (!response.ok())
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The HubSpot enrichment connector against the local mock: search → contact → company → output. Its
 * output normalises HubSpot's industry code to a label (`COMPUTER_SOFTWARE` → `Technology`), which is
 * what the flow's condition reads.
 */
export function hubspotConnector(mockUrl: string) {
  const auth = { type: 'bearer', token: '{{credentials.hubspot.token}}' };
  const base = `${mockUrl}/crm/v3/objects`;
  return {
    name: 'HubSpot enrichment',
    icon: '★',
    input_schema: { fields: [{ name: 'email', type: 'string', required: true, label: 'E-mail' }] },
    config: {
      version: 1,
      nodes: [
        {
          id: 'step_1',
          type: 'http',
          position: { x: 0, y: 0 },
          data: {
            name: 'Search contact',
            method: 'POST',
            url: `${base}/contacts/search`,
            auth,
            body: {
              filterGroups: [
                { filters: [{ propertyName: 'email', operator: 'EQ', value: '{{input.email}}' }] },
              ],
            },
          },
        },
        {
          id: 'step_2',
          type: 'http',
          position: { x: 320, y: 0 },
          data: {
            name: 'Get contact',
            method: 'GET',
            url: `${base}/contacts/{{step_1.contactId}}`,
            queryParams: [{ key: 'associations', value: 'companies' }],
            auth,
          },
        },
        {
          id: 'step_3',
          type: 'http',
          position: { x: 640, y: 0 },
          data: { name: 'Get company', method: 'GET', url: `${base}/companies/{{step_2.companyId}}`, auth },
        },
        {
          id: 'output',
          type: 'output',
          position: { x: 960, y: 0 },
          data: {
            name: 'Update contact',
            join: 'any',
            fieldMappings: {
              first_name: '{{step_2.firstName}}',
              last_name: '{{step_2.lastName}}',
              company: '{{step_3.companyName}}',
              'metadata.industry':
                '{{ step_3.industry = "COMPUTER_SOFTWARE" ? "Technology" : step_3.industry }}',
            },
          },
        },
      ],
      edges: [
        { id: 'e1', source: 'step_1', target: 'step_2', data: { mapping: { contactId: 'results[0].id' } } },
        {
          id: 'e2',
          source: 'step_2',
          target: 'step_3',
          data: { mapping: { companyId: 'associations.companies.results[0].id' } },
        },
        {
          id: 'e3',
          source: 'step_2',
          target: 'output',
          data: { mapping: { firstName: 'properties.firstname', lastName: 'properties.lastname' } },
        },
        {
          id: 'e4',
          source: 'step_3',
          target: 'output',
          data: { mapping: { companyName: 'properties.name', industry: 'properties.industry' } },
        },
      ],
    },
  };
}
