import { rows, TEMPLATE_RETRY, type TemplateDefinition } from './template-definition';

const auth = { type: 'bearer' as const, token: '{{workspace.hubspot_token}}' };
const api = 'https://api.hubapi.com/crm/v3/objects';

/**
 * The seed's HubSpot enrichment: search the contact by e-mail → fetch it with its company association →
 * fetch the company. Response paths are HubSpot CRM v3's (`associations.companies.results[0].id`).
 */
export const hubspotEnrichmentTemplate: TemplateDefinition = {
  name: 'HubSpot Contact Enrichment',
  description:
    'Finds the contact in HubSpot by e-mail, then its company, and fills first and last name, company name and industry. Needs a HubSpot private app token stored as the workspace credential "hubspot" (crm.objects.contacts.read, crm.objects.companies.read).',
  icon: '🟠',
  category: 'crm',
  is_featured: true,
  input_schema: {
    fields: [
      {
        name: 'email',
        type: 'string',
        required: true,
        label: 'E-mail',
        description: 'The contact to look up',
      },
    ],
  },
  config: {
    version: 1,
    nodes: [
      {
        id: 'step_1',
        type: 'http',
        position: { x: 0, y: 0 },
        data: {
          name: 'Search Contact by Email',
          method: 'POST',
          url: `${api}/contacts/search`,
          headers: rows({ Accept: 'application/json' }),
          auth,
          body: {
            filterGroups: [
              { filters: [{ propertyName: 'email', operator: 'EQ', value: '{{input.email}}' }] },
            ],
            properties: ['email'],
            limit: 1,
          },
          timeoutMs: 30_000,
          retry: TEMPLATE_RETRY,
        },
      },
      {
        id: 'step_2',
        type: 'http',
        position: { x: 0, y: 150 },
        data: {
          name: 'Get Contact Details',
          method: 'GET',
          url: `${api}/contacts/{{step_1.contactId}}`,
          queryParams: rows({ properties: 'firstname,lastname', associations: 'companies' }),
          headers: rows({ Accept: 'application/json' }),
          auth,
          retry: TEMPLATE_RETRY,
        },
      },
      {
        id: 'step_3',
        type: 'http',
        position: { x: 0, y: 300 },
        data: {
          name: 'Get Company Details',
          method: 'GET',
          url: `${api}/companies/{{step_2.companyId}}`,
          queryParams: rows({ properties: 'name,industry' }),
          headers: rows({ Accept: 'application/json' }),
          auth,
          retry: TEMPLATE_RETRY,
        },
      },
      {
        id: 'output',
        type: 'output',
        position: { x: 0, y: 450 },
        data: {
          name: 'Update contact',
          join: 'any',
          fieldMappings: {
            first_name: '{{step_2.firstName}}',
            last_name: '{{step_2.lastName}}',
            'metadata.company_name': '{{step_3.companyName}}',
            'metadata.industry': '{{step_3.industry}}',
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
