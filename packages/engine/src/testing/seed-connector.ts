/**
 * The seed's 3-step HubSpot enrichment exactly as the seed writes it (its `//` comments removed), pointed
 * at `baseUrl` so tests run it against a local mock API.
 */
export function seedHubspotConnector(baseUrl: string) {
  return {
    id: 'connector_001',
    name: 'HubSpot Contact Enrichment',
    type: 'multi-step',
    steps: [
      {
        id: 'step_1',
        name: 'Search Contact by Email',
        method: 'POST',
        url: `${baseUrl}/crm/v3/objects/contacts/search`,
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
        body: {
          filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: '{{input.email}}' }] }],
        },
        outputMapping: { contactId: 'results[0].id' },
      },
      {
        id: 'step_2',
        name: 'Get Contact Details',
        method: 'GET',
        url: `${baseUrl}/crm/v3/objects/contacts/{{step_1.contactId}}`,
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
        outputMapping: {
          firstName: 'properties.firstname',
          lastName: 'properties.lastname',
          companyId: 'associations.companies[0].id',
        },
      },
      {
        id: 'step_3',
        name: 'Get Company Details',
        method: 'GET',
        url: `${baseUrl}/crm/v3/objects/companies/{{step_2.companyId}}`,
        auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
        outputMapping: { companyName: 'properties.name', industry: 'properties.industry' },
      },
    ],
    finalMapping: {
      first_name: '{{step_2.firstName}}',
      last_name: '{{step_2.lastName}}',
      'metadata.company_name': '{{step_3.companyName}}',
      'metadata.industry': '{{step_3.industry}}',
    },
  };
}

/** The HubSpot answers the seed connector expects, keyed by `METHOD /path` for `MockApi.on`. */
export const HUBSPOT_ROUTES = {
  search: 'POST /crm/v3/objects/contacts/search',
  contact: 'GET /crm/v3/objects/contacts/c42',
  company: 'GET /crm/v3/objects/companies/co_7',
} as const;

/** Installs the happy-path HubSpot answers on a mock API. */
export function mockHubspot(api: { on(route: string, handler: () => { json: unknown }): unknown }): void {
  api.on(HUBSPOT_ROUTES.search, () => ({ json: { total: 1, results: [{ id: 'c42' }] } }));
  api.on(HUBSPOT_ROUTES.contact, () => ({
    json: {
      id: 'c42',
      properties: { firstname: 'John', lastname: 'Smith' },
      associations: { companies: [{ id: 'co_7' }] },
    },
  }));
  api.on(HUBSPOT_ROUTES.company, () => ({
    json: { properties: { name: 'Acme Corp', industry: 'Technology' } },
  }));
}
