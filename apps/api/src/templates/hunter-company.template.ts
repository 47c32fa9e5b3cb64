import { rows, TEMPLATE_RETRY, type TemplateDefinition } from './template-definition';

/**
 * Company by domain with Hunter's Domain Search (`GET https://api.hunter.io/v2/domain-search`), the domain
 * taken from the contact's e-mail. Hunter accepts the key in the `X-API-KEY` header.
 */
export const hunterCompanyTemplate: TemplateDefinition = {
  name: 'Hunter Company by Domain',
  description:
    'Looks up the company behind the e-mail\'s domain with Hunter Domain Search: organization, industry, headcount, country, LinkedIn page and the company\'s e-mail pattern. Needs a Hunter API key stored as the workspace credential "hunter".',
  icon: '🏢',
  category: 'enrichment',
  input_schema: {
    fields: [
      {
        name: 'email',
        type: 'string',
        required: true,
        label: 'E-mail',
        description: 'A work address; its domain is searched',
      },
    ],
  },
  config: {
    version: 1,
    nodes: [
      {
        id: 'domain_search',
        type: 'http',
        position: { x: 0, y: 0 },
        data: {
          name: 'Search domain',
          method: 'GET',
          url: 'https://api.hunter.io/v2/domain-search',
          queryParams: rows({ domain: '{{ $lowercase($substringAfter(input.email, "@")) }}', limit: '1' }),
          auth: { type: 'api-key', in: 'header', name: 'X-API-KEY', apiKey: '{{workspace.hunter_token}}' },
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
            company: { template: '{{domain_search.organization}}', write: 'if_empty' },
            'metadata.industry': '{{domain_search.industry}}',
            'metadata.company_size': '{{domain_search.headcount}}',
            'metadata.company_country': '{{domain_search.country}}',
            'metadata.company_linkedin': '{{domain_search.linkedin}}',
            'metadata.email_pattern': '{{domain_search.pattern}}',
          },
        },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'domain_search',
        target: 'output',
        data: {
          mapping: {
            organization: 'data.organization',
            industry: 'data.industry',
            headcount: 'data.headcount',
            country: 'data.country',
            linkedin: 'data.linkedin',
            pattern: 'data.pattern',
          },
        },
      },
    ],
  },
};
