import { rows, TEMPLATE_RETRY, type TemplateDefinition } from './template-definition';

const auth = {
  type: 'api-key' as const,
  in: 'header' as const,
  name: 'X-API-KEY',
  apiKey: '{{workspace.hunter_token}}',
};

/**
 * A conditional chain: Hunter Email Finder (`/v2/email-finder`) → found? → Hunter Email Verifier
 * (`/v2/email-verifier`) → contact. When no address is found the verifier is skipped (no credit spent)
 * and the contact is left as it was.
 */
export const hunterFindVerifyTemplate: TemplateDefinition = {
  name: 'Hunter Find & Verify Email',
  description:
    'Guesses the person\'s work e-mail from their name and company domain with Hunter Email Finder and, only if one is found, verifies it with Hunter Email Verifier; fills the e-mail if empty, the job title, and the verification status and score. Needs a Hunter API key stored as the workspace credential "hunter".',
  icon: '🔎',
  category: 'prospecting',
  input_schema: {
    fields: [
      { name: 'first_name', type: 'string', required: true, label: 'First name' },
      { name: 'last_name', type: 'string', required: true, label: 'Last name' },
      {
        name: 'domain',
        type: 'string',
        required: true,
        label: 'Company domain',
        description: 'e.g. stripe.com',
      },
    ],
  },
  config: {
    version: 1,
    nodes: [
      {
        id: 'find_email',
        type: 'http',
        position: { x: 0, y: 0 },
        data: {
          name: 'Find e-mail',
          method: 'GET',
          url: 'https://api.hunter.io/v2/email-finder',
          queryParams: rows({
            domain: '{{input.domain}}',
            first_name: '{{input.first_name}}',
            last_name: '{{input.last_name}}',
          }),
          auth,
          retry: TEMPLATE_RETRY,
        },
      },
      {
        id: 'found',
        type: 'condition',
        position: { x: 0, y: 150 },
        data: { name: 'Found?', expression: '$boolean(find_email.email)' },
      },
      {
        id: 'verify_email',
        type: 'http',
        position: { x: 0, y: 300 },
        data: {
          name: 'Verify e-mail',
          method: 'GET',
          url: 'https://api.hunter.io/v2/email-verifier',
          queryParams: rows({ email: '{{found.email}}' }),
          auth,
          // The verifier waits on the mail server (Hunter answers 202 while it is still checking).
          timeoutMs: 30_000,
          retry: TEMPLATE_RETRY,
        },
      },
      {
        id: 'output',
        type: 'output',
        position: { x: 0, y: 450 },
        data: {
          name: 'Update contact',
          fieldMappings: {
            email: { template: '{{found.email}}', write: 'if_empty' },
            title: { template: '{{found.position}}', write: 'if_empty' },
            'metadata.email_status': '{{verify_email.status}}',
            'metadata.email_score': '{{verify_email.score}}',
          },
        },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'find_email',
        target: 'found',
        data: { mapping: { email: 'data.email', position: 'data.position' } },
      },
      {
        id: 'e2',
        source: 'found',
        sourceHandle: 'true',
        target: 'verify_email',
        data: { mapping: { email: 'find_email.email' } },
      },
      {
        id: 'e3',
        source: 'found',
        sourceHandle: 'true',
        target: 'output',
        data: { mapping: { email: 'find_email.email', position: 'find_email.position' } },
      },
      {
        id: 'e4',
        source: 'verify_email',
        target: 'output',
        data: { mapping: { status: 'data.status', score: 'data.score' } },
      },
    ],
  },
};
