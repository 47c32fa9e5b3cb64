import { rows, TEMPLATE_RETRY, type TemplateDefinition } from './template-definition';

/**
 * People Data Labs Person Enrichment (`GET https://api.peopledatalabs.com/v5/person/enrich`), the key in the
 * `X-Api-Key` header. A 404 from PDL means no match above `min_likelihood`.
 */
export const pdlPersonTemplate: TemplateDefinition = {
  name: 'People Data Labs Person Enrichment',
  description:
    'Finds the person behind an e-mail address with People Data Labs and fills missing names, job title and company, plus LinkedIn URL and location. Needs a PDL API key stored as the workspace credential "peopledatalabs".',
  icon: '👤',
  category: 'enrichment',
  input_schema: {
    fields: [
      {
        name: 'email',
        type: 'string',
        required: true,
        label: 'E-mail',
        description: 'The person to look up',
      },
    ],
  },
  config: {
    version: 1,
    nodes: [
      {
        id: 'enrich',
        type: 'http',
        position: { x: 0, y: 0 },
        data: {
          name: 'Enrich person',
          method: 'GET',
          url: 'https://api.peopledatalabs.com/v5/person/enrich',
          queryParams: rows({ email: '{{input.email}}', min_likelihood: '6' }),
          auth: {
            type: 'api-key',
            in: 'header',
            name: 'X-Api-Key',
            apiKey: '{{workspace.peopledatalabs_token}}',
          },
          retry: TEMPLATE_RETRY,
        },
      },
      {
        id: 'output',
        type: 'output',
        position: { x: 0, y: 150 },
        data: {
          name: 'Update contact',
          fieldMappings: {
            first_name: { template: '{{enrich.firstName}}', write: 'if_empty' },
            last_name: { template: '{{enrich.lastName}}', write: 'if_empty' },
            title: '{{enrich.jobTitle}}',
            company: { template: '{{enrich.company}}', write: 'if_empty' },
            'metadata.linkedin_url': '{{enrich.linkedinUrl}}',
            'metadata.location': '{{enrich.location}}',
            'metadata.pdl_likelihood': '{{enrich.likelihood}}',
          },
        },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'enrich',
        target: 'output',
        data: {
          mapping: {
            firstName: 'data.first_name',
            lastName: 'data.last_name',
            jobTitle: 'data.job_title',
            company: 'data.job_company_name',
            linkedinUrl: 'data.linkedin_url',
            location: 'data.location_name',
            likelihood: 'likelihood',
          },
        },
      },
    ],
  },
};
