import { rows, TEMPLATE_RETRY, type TemplateDefinition } from './template-definition';

/**
 * ZeroBounce single e-mail validation (`GET https://api.zerobounce.net/v2/validate`). The key travels as
 * the `api_key` query parameter, as ZeroBounce requires.
 */
export const zerobounceValidationTemplate: TemplateDefinition = {
  name: 'ZeroBounce Email Validation',
  description:
    'Checks whether the e-mail address is deliverable with ZeroBounce and records its status (valid, invalid, catch-all, spamtrap, abuse, do_not_mail, unknown), sub-status, free-provider flag and typo suggestion. Needs a ZeroBounce API key stored as the workspace credential "zerobounce".',
  icon: '✅',
  category: 'validation',
  is_featured: true,
  input_schema: {
    fields: [
      {
        name: 'email',
        type: 'string',
        required: true,
        label: 'E-mail',
        description: 'The address to validate',
      },
    ],
  },
  config: {
    version: 1,
    nodes: [
      {
        id: 'validate',
        type: 'http',
        position: { x: 0, y: 0 },
        data: {
          name: 'Validate e-mail',
          method: 'GET',
          url: 'https://api.zerobounce.net/v2/validate',
          queryParams: rows({ email: '{{input.email}}', ip_address: '' }),
          auth: { type: 'api-key', in: 'query', name: 'api_key', apiKey: '{{workspace.zerobounce_token}}' },
          // ZeroBounce may take up to 30 s on slow mail servers.
          timeoutMs: 45_000,
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
            'metadata.email_status': '{{validate.status}}',
            'metadata.email_sub_status': '{{validate.subStatus}}',
            'metadata.email_free_provider': '{{validate.freeEmail}}',
            'metadata.email_suggestion': '{{validate.didYouMean}}',
          },
        },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'validate',
        target: 'output',
        data: {
          mapping: {
            status: 'status',
            subStatus: 'sub_status',
            freeEmail: 'free_email',
            didYouMean: 'did_you_mean',
          },
        },
      },
    ],
  },
};
