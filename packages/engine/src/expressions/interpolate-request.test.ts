import { describe, expect, it } from 'vitest';
import { interpolateRequest } from './interpolate-request';
import type { RequestTemplate } from './request-template';
import { TemplateError, type TemplateErrorCode } from './template.error';

const scope = {
  input: {
    email: 'ada@example.com',
    id: '123',
    n: 42,
    ok: true,
    obj: { a: 1 },
    list: [1, 'b'],
    nothing: null,
    empty: '',
    base_url: 'https://api.example.com/v2',
    sub: 'eu',
  },
  step_1: { contactId: '987' },
  workspace: { token: 's3cret' },
};

function get(url: string, extra: Partial<RequestTemplate> = {}): RequestTemplate {
  return { method: 'GET', url, ...extra };
}

async function refused(
  template: RequestTemplate,
  vars: object = scope,
  options?: Parameters<typeof interpolateRequest>[2],
): Promise<TemplateError> {
  try {
    await interpolateRequest(template, vars, options);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return err as TemplateError;
  }
  throw new Error('expected the request to be refused');
}

describe('URL', () => {
  it('builds the DESIGN example', async () => {
    const request = await interpolateRequest(
      get('https://api.hubapi.com/crm/v3/objects/contacts/{{step_1.contactId}}'),
      scope,
    );
    expect(request.url).toBe('https://api.hubapi.com/crm/v3/objects/contacts/987');
    expect(request.method).toBe('GET');
  });

  // A value in the path is one percent-encoded segment, whatever it contains.
  it.each([
    ['"}', '%22%7D'],
    ['../', '..%2F'],
    ['a/b', 'a%2Fb'],
    ['?x=1&y=', '%3Fx%3D1%26y%3D'],
    ['#frag', '%23frag'],
    ['\r\nX-Evil: 1', '%0D%0AX-Evil%3A%201'],
    ['%2e%2e', '%252e%252e'],
    ['...', '...'],
    ['😀', '%F0%9F%98%80'],
    ['עברית', '%D7%A2%D7%91%D7%A8%D7%99%D7%AA'],
    ['\u202Egnp.exe', '%E2%80%AEgnp.exe'],
    ['caf\u00e9', 'caf%C3%A9'], // NFC
    ['cafe\u0301', 'cafe%CC%81'], // NFD: not normalised, sent as given
    [5, '5'],
    [true, 'true'],
  ])('path segment %j → %s', async (value, encoded) => {
    const request = await interpolateRequest(get('https://x.test/items/{{v}}/sub'), { v: value });
    expect(request.url).toBe(`https://x.test/items/${encoded}/sub`);
    expect(new URL(request.url).pathname.split('/')).toHaveLength(4);
  });

  it.each<[unknown, TemplateErrorCode]>([
    ['..', 'path_traversal'],
    ['.', 'path_traversal'],
    [null, 'null_value'],
    [undefined, 'null_value'],
    ['', 'null_value'],
    [{ a: 1 }, 'invalid_value'],
    [[1, 2], 'invalid_value'],
  ])('refuses %j in a path segment', async (value, code) => {
    const err = await refused(get('https://x.test/items/{{ v }}'), { v: value });
    expect(err).toMatchObject({ code, path: 'url', expression: 'v' });
    expect(err.message).toContain('{{ v }}');
  });

  it.each([
    ['?x=1&y=', 'q=%3Fx%3D1%26y%3D'],
    ['#frag', 'q=%23frag'],
    ['a b+c', 'q=a%20b%2Bc'],
    ['😀', 'q=%F0%9F%98%80'],
  ])('encodes %j as a query component', async (value, query) => {
    const request = await interpolateRequest(get('https://x.test/s?q={{v}}&z=1'), { v: value });
    expect(request.url).toBe(`https://x.test/s?${query}&z=1`);
    expect(new URL(request.url).searchParams.get('q')).toBe(value);
  });

  it('encodes values in the fragment', async () => {
    const request = await interpolateRequest(get('https://x.test/p#{{v}}'), { v: 'a b#c' });
    expect(request.url).toBe('https://x.test/p#a%20b%23c');
  });

  it('inserts a template at or before the origin as is', async () => {
    expect((await interpolateRequest(get('{{input.base_url}}/contacts/{{input.id}}'), scope)).url).toBe(
      'https://api.example.com/v2/contacts/123',
    );
    expect((await interpolateRequest(get('https://{{input.sub}}.example.com/x'), scope)).url).toBe(
      'https://eu.example.com/x',
    );
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    'data:text/html,<script>',
    'not a url',
    '//example.com',
  ])('refuses a base URL of %j', async (base) => {
    const err = await refused(get('{{input.base_url}}/x'), { input: { base_url: base } });
    expect(err.code).toBe('invalid_url');
    expect(err.path).toBe('url');
    expect(err.message).not.toContain(base); // the value might be a secret; the template is named instead
  });

  it('refuses a missing base URL', async () => {
    expect((await refused(get('{{input.nothing}}/x'))).code).toBe('null_value');
  });

  it('refuses a literal non-http URL', async () => {
    expect((await refused(get('ftp://example.com/x'))).code).toBe('invalid_url');
  });

  it('reports an unclosed template in the URL', async () => {
    expect(await refused(get('https://x.test/{{input.id'))).toMatchObject({ code: 'unclosed', path: 'url' });
  });
});

describe('query parameters', () => {
  it('appends enabled rows with URLSearchParams, dropping values that yield nothing', async () => {
    const request = await interpolateRequest(
      get('https://x.test/s?a=1', {
        queryParams: [
          { key: 'limit', value: '1' },
          { key: 'email', value: '{{input.email}}' },
          { key: 'gone', value: '{{input.nothing}}' },
          { key: 'off', value: 'x', enabled: false },
          { key: '{{ "k" & "2" }}', value: '?x=1&y= #' },
          { key: '', value: '' },
        ],
      }),
      scope,
    );
    expect(request.url).toBe('https://x.test/s?a=1&limit=1&email=ada%40example.com&k2=%3Fx%3D1%26y%3D+%23');
    expect(request.missing).toEqual([{ path: 'queryParams[2].value', expression: 'input.nothing' }]);
  });

  it('keeps the fragment after the query', async () => {
    const request = await interpolateRequest(
      get('https://x.test/p#top', { queryParams: [{ key: 'a', value: 'b' }] }),
      scope,
    );
    expect(request.url).toBe('https://x.test/p?a=b#top');
  });

  it('refuses a key that yields nothing', async () => {
    const err = await refused(
      get('https://x.test', { queryParams: [{ key: '{{input.nothing}}', value: 'x' }] }),
    );
    expect(err).toMatchObject({
      code: 'null_value',
      path: 'queryParams[0].key',
      expression: 'input.nothing',
    });
  });
});

describe('headers', () => {
  it('renders headers in string mode', async () => {
    const request = await interpolateRequest(
      get('https://x.test', {
        headers: [
          { key: 'Accept', value: 'application/json' },
          { key: 'Authorization', value: 'Bearer {{workspace.token}}' },
          { key: 'X-Count', value: '{{input.n}}' },
          { key: 'X-Off', value: '{{input.nothing}}', enabled: false },
          { key: 'accept', value: 'text/plain' },
          { key: '', value: '' },
        ],
      }),
      scope,
    );
    expect(request.headers).toEqual({
      Accept: 'application/json, text/plain',
      Authorization: 'Bearer s3cret',
      'X-Count': '42',
    });
  });

  it.each<[string, string, TemplateErrorCode, string]>([
    ['X-Test', '{{input.evil}}', 'header_injection', 'headers[0].value'],
    ['X-Test', 'a\nb', 'header_injection', 'headers[0].value'],
    ['X-Test', '{{input.nothing}}', 'null_value', 'headers[0].value'],
    ['X-Test', 'Bearer {{input.missing}}', 'null_value', 'headers[0].value'],
    ['X-Test', '{{input.emoji}}', 'invalid_header', 'headers[0].value'],
    ['Host', 'evil.test', 'forbidden_header', 'headers[0].key'],
    ['content-length', '1', 'forbidden_header', 'headers[0].key'],
    ['Transfer-Encoding', 'chunked', 'forbidden_header', 'headers[0].key'],
    ['CONNECTION', 'close', 'forbidden_header', 'headers[0].key'],
    ['{{ "Ho" & "st" }}', 'x', 'forbidden_header', 'headers[0].key'],
    ['Bad Name', 'x', 'invalid_header', 'headers[0].key'],
    ['X-Evil\r\nInjected', 'x', 'invalid_header', 'headers[0].key'],
    ['{{input.nothing}}', 'x', 'null_value', 'headers[0].key'],
  ])('refuses %j: %j (%s)', async (key, value, code, path) => {
    const vars = { input: { evil: '\r\nX-Evil: 1', nothing: null, emoji: '😀' } };
    const err = await refused(get('https://x.test', { headers: [{ key, value }] }), vars);
    expect(err).toMatchObject({ code, path });
  });

  it('names the expression that yielded nothing', async () => {
    const err = await refused(
      get('https://x.test', { headers: [{ key: 'X-Id', value: '{{ step_9.id }}' }] }),
    );
    expect(err.message).toBe(
      'headers[0].value: {{ step_9.id }} in the value of the X-Id header has no value (null or missing)',
    );
  });

  it('keeps a header named __proto__ as an ordinary header', async () => {
    const request = await interpolateRequest(
      get('https://x.test', { headers: [{ key: '__proto__', value: 'x' }] }),
      scope,
    );
    expect(Object.hasOwn(request.headers, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(request.headers)).toBe(Object.prototype);
  });
});

describe('JSON body', () => {
  const post = (body: unknown, extra: Partial<RequestTemplate> = {}): RequestTemplate => ({
    method: 'POST',
    url: 'https://x.test/search',
    body,
    ...extra,
  });

  it('builds the DESIGN example', async () => {
    const body = {
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: '{{input.email}}' }] }],
    };
    const request = await interpolateRequest(post(body), scope);
    expect(JSON.parse(request.body ?? '')).toEqual({
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'ada@example.com' }] }],
    });
    expect(request.contentType).toBe('application/json');
  });

  it('types whole templates and stringifies mixed ones', async () => {
    const request = await interpolateRequest(
      post({
        n: '{{input.n}}',
        ok: '{{ input.ok }}',
        obj: '{{input.obj}}',
        list: ['{{input.list}}', 'x', 3, null, false],
        nil: '{{input.nothing}}',
        missing: '{{input.missing}}',
        mixed: 'n={{input.n}} o={{input.obj}}',
        '{{ "key_" & input.id }}': '{{ input.n * 2 }}',
        literal: 'no template',
      }),
      scope,
    );
    expect(JSON.parse(request.body ?? '')).toEqual({
      n: 42,
      ok: true,
      obj: { a: 1 },
      list: [[1, 'b'], 'x', 3, null, false],
      nil: null,
      missing: null,
      mixed: 'n=42 o={"a":1}',
      key_123: 84,
      literal: 'no template',
    });
    expect(request.missing).toEqual([
      { path: 'body.nil', expression: 'input.nothing' },
      { path: 'body.missing', expression: 'input.missing' },
    ]);
  });

  it.each([
    ['"}', '"}'],
    ['","admin":true,"x":"', '","admin":true,"x":"'],
    ['\r\nX-Evil: 1', '\r\nX-Evil: 1'],
    ['😀 עברית caf\u00e9 cafe\u0301', '😀 עברית caf\u00e9 cafe\u0301'],
  ])('carries hostile text %j as data', async (value, expected) => {
    const request = await interpolateRequest(post({ a: '{{v}}', b: 'pre {{v}}' }), { v: value });
    expect(JSON.parse(request.body ?? '')).toEqual({ a: expected, b: `pre ${expected}` });
  });

  it('reads }} inside a JSONata string literal in a body template', async () => {
    const request = await interpolateRequest(
      post({ a: "{{ input.email & '}}' }}", b: '{{ {"x": {"y": input.n}} }}' }),
      scope,
    );
    expect(JSON.parse(request.body ?? '')).toEqual({ a: 'ada@example.com}}', b: { x: { y: 42 } } });
  });

  it('keeps __proto__ keys as data', async () => {
    const body = JSON.parse('{"__proto__": "{{input.n}}", "a": {"__proto__": {"polluted": true}}}');
    const request = await interpolateRequest(post(body), scope);
    expect(request.body).toBe('{"__proto__":42,"a":{"__proto__":{"polluted":true}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a 1 MB string under the limit and refuses it above', async () => {
    const big = { input: { big: 'x'.repeat(1_000_000) } };
    const ok = await interpolateRequest(post({ big: '{{input.big}}' }), big);
    expect(ok.body?.length).toBe(1_000_000 + '{"big":""}'.length);
    const err = await refused(post({ big: '{{input.big}}' }), big, { maxBodyBytes: 1_000_000 });
    expect(err).toMatchObject({ code: 'body_too_large', path: 'body' });
    const bigger = { input: { big: 'x'.repeat(1_100_000) } };
    expect((await refused(post({ big: '{{input.big}}' }), bigger)).code).toBe('body_too_large');
  });

  it('counts the limit in UTF-8 bytes', async () => {
    const emoji = { v: '😀'.repeat(300) }; // 600 UTF-16 units, 1,200 bytes
    expect((await refused(post('{{v}}', { bodyType: 'json' }), emoji, { maxBodyBytes: 1_000 })).code).toBe(
      'body_too_large',
    );
  });

  it('names the field of a failing template', async () => {
    const body = { filterGroups: [{ filters: [{ value: '{{ input.n + "a" }}' }] }] };
    const err = await refused(post(body));
    expect(err).toMatchObject({
      code: 'expression',
      path: 'body.filterGroups[0].filters[0].value',
      expression: 'input.n + "a"',
    });
  });

  it('refuses a key template that yields nothing', async () => {
    const err = await refused(post({ '{{input.nothing}}': 1 }));
    expect(err).toMatchObject({ code: 'null_value', path: 'body["{{input.nothing}}"]' });
  });

  it('leaves the Content-Type to the user when given', async () => {
    const request = await interpolateRequest(
      post({ a: 1 }, { headers: [{ key: 'content-type', value: 'application/vnd.api+json' }] }),
      scope,
    );
    expect(request.contentType).toBeUndefined();
    expect(request.headers).toEqual({ 'content-type': 'application/vnd.api+json' });
  });

  it('sends a string body typed as JSON as a JSON string', async () => {
    const request = await interpolateRequest(post('{{input.email}}', { bodyType: 'json' }), scope);
    expect(request.body).toBe('"ada@example.com"');
  });
});

describe('other bodies', () => {
  it('encodes a form body from a record or a list', async () => {
    const record = await interpolateRequest(
      {
        method: 'POST',
        url: 'https://x.test',
        bodyType: 'form',
        body: { email: '{{input.email}}', n: 2, gone: '{{input.nothing}}' },
      },
      scope,
    );
    expect(record.body).toBe('email=ada%40example.com&n=2');
    expect(record.contentType).toBe('application/x-www-form-urlencoded');
    expect(record.missing).toEqual([{ path: 'body.gone', expression: 'input.nothing' }]);
    const list = await interpolateRequest(
      {
        method: 'POST',
        url: 'https://x.test',
        bodyType: 'form',
        body: [
          { key: 'a', value: '{{ "x&y=z" }}' },
          { key: 'b', value: 'off', enabled: false },
        ],
      },
      scope,
    );
    expect(list.body).toBe('a=x%26y%3Dz');
  });

  it('renders a text body in string mode', async () => {
    const request = await interpolateRequest(
      {
        method: 'PUT',
        url: 'https://x.test',
        body: 'Hello {{input.email}}, {{input.obj}} {{input.nothing}}!',
      },
      scope,
    );
    expect(request.body).toBe('Hello ada@example.com, {"a":1} !');
    expect(request.contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuses a body that does not fit its type', async () => {
    const text = await refused({ method: 'POST', url: 'https://x.test', bodyType: 'text', body: { a: 1 } });
    expect(text.code).toBe('invalid_body');
    const form = await refused({ method: 'POST', url: 'https://x.test', bodyType: 'form', body: 'a=1' });
    expect(form.code).toBe('invalid_body');
  });

  it.each(['GET', 'HEAD', 'get'])('sends no body with %s, and does not render it', async (method) => {
    const request = await interpolateRequest(
      { method, url: 'https://x.test', body: { broken: '{{ a +' }, bodyType: 'json' },
      scope,
    );
    expect(request.body).toBeUndefined();
    expect(request.contentType).toBeUndefined();
    expect(request.method).toBe(method.toUpperCase());
  });

  it("sends no body for bodyType 'none' or a null body", async () => {
    expect(
      (
        await interpolateRequest(
          { method: 'POST', url: 'https://x.test', body: { a: 1 }, bodyType: 'none' },
          scope,
        )
      ).body,
    ).toBeUndefined();
    expect(
      (await interpolateRequest({ method: 'POST', url: 'https://x.test', body: null }, scope)).body,
    ).toBeUndefined();
  });

  it('refuses a malformed method', async () => {
    expect((await refused({ method: 'GET /x HTTP/1.1\r\n', url: 'https://x.test' })).code).toBe(
      'invalid_method',
    );
  });
});
