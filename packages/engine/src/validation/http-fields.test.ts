import { describe, it } from 'vitest';
import { expectCase, graph, http, type ProblemCase } from './testing';

const one = (
  name: string,
  data: Record<string, unknown>,
  problems: ProblemCase['problems'],
  options = {},
): ProblemCase => ({
  name,
  graph: graph([http('a', data)]),
  options,
  problems,
});
const at = (...rest: (string | number)[]) => ['nodes', 0, 'data', ...rest];

const cases: ProblemCase[] = [
  one('every method in upper case', { method: 'PATCH' }, []),
  one('an unknown method', { method: 'FETCH' }, [['invalid_method', at('method')]]),
  one('a lower-case method', { method: 'post' }, [['method_case', at('method')]]),
  one('an empty URL', { url: '  ' }, [['missing_url', at('url')]]),
  one('a URL that does not parse', { url: 'not a url' }, [['invalid_url', at('url')]]),
  one('a non-http URL', { url: 'ftp://files.example.com/a' }, [['invalid_url_scheme', at('url')]]),
  one('a non-http origin before a template', { url: 'ftp://x.example.com/{{input.p}}' }, [
    ['invalid_url_scheme', at('url')],
  ]),
  one('a broken origin before a template', { url: 'https://exa mple.com/{{input.p}}' }, [
    ['invalid_url', at('url')],
  ]),
  one('a path with no origin before a template', { url: 'api.example.com/{{input.p}}' }, [
    ['invalid_url', at('url')],
  ]),
  one('a template in the host', { url: 'https://{{input.tenant}}.example.com/v1' }, []),
  one('a template as the whole base', { url: '{{input.base_url}}/v1' }, []),
  one(
    'header names',
    {
      headers: [
        { key: 'Bad Header', value: 'x' },
        { key: 'host', value: 'x' },
        { key: 'Content-Length', value: '1' },
        { key: 'X-Ok', value: 'a\nb' },
        { key: '', value: 'orphan' },
        { key: '', value: '' },
      ],
    },
    [
      ['invalid_header_name', at('headers', 0, 'key')],
      ['forbidden_header', at('headers', 1, 'key')],
      ['forbidden_header', at('headers', 2, 'key')],
      ['invalid_header_value', at('headers', 3, 'value')],
      ['invalid_header_name', at('headers', 4, 'key')],
    ],
  ),
  one('a query value without a name', { queryParams: [{ key: '', value: 'x' }] }, [
    ['empty_query_key', at('queryParams', 0, 'key')],
  ]),
  one('bearer without token', { auth: { type: 'bearer', token: '' } }, [
    ['missing_auth_field', at('auth', 'token')],
  ]),
  one(
    'api key without key, bad header name',
    { auth: { type: 'api-key', apiKey: ' ', headerName: 'X Key' } },
    [
      ['missing_auth_field', at('auth', 'apiKey')],
      ['invalid_header_name', at('auth', 'headerName')],
    ],
  ),
  one(
    'api key in the query may use any name',
    { auth: { type: 'api-key', apiKey: 'k', in: 'query', name: 'api key' } },
    [],
  ),
  one('basic without username', { auth: { type: 'basic', username: '' } }, [
    ['missing_auth_field', at('auth', 'username')],
  ]),
  one(
    'oauth2 without client secret and a bad token URL',
    { auth: { type: 'oauth2', tokenUrl: 'file:///etc/passwd', clientId: 'id', clientSecret: '' } },
    [
      ['missing_auth_field', at('auth', 'clientSecret')],
      ['invalid_url_scheme', at('auth', 'tokenUrl')],
    ],
  ),
  one('a very short timeout', { timeoutMs: 5 }, [['short_timeout', at('timeoutMs')]]),
  one('retry delays the wrong way round', { retry: { maxAttempts: 3, minDelayMs: 5000, maxDelayMs: 100 } }, [
    ['invalid_retry', at('retry', 'minDelayMs')],
  ]),
  one(
    'a body over the limit',
    { method: 'POST', body: { text: 'x'.repeat(100) } },
    [['body_too_large', at('body')]],
    {
      maxBodyBytes: 50,
    },
  ),
  one(
    'a body counted in UTF-8 bytes',
    { method: 'POST', body: 'é'.repeat(20) },
    [['body_too_large', at('body')]],
    {
      maxBodyBytes: 30,
    },
  ),
  one('a body within the limit', { method: 'POST', body: { a: [1, 2, { b: null }] } }, []),
  one('a body on a GET', { method: 'GET', body: { a: 1 } }, [['body_ignored', at('body')]]),
];

describe('http fields', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectCase(c);
  });
});
