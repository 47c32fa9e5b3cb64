import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi/build-document';
import { operationKey, ROUTE_TABLE, servedOperations } from '../src/openapi/route-table';
import { describeApi } from './support/describe-api';

type Doc = {
  openapi: string;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read the document's operations field by field
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, unknown> };
};

/** Every `$ref` in a JSON value. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

describe('the OpenAPI route table', () => {
  it('documents each operation once, with a unique operationId', () => {
    const keys = ROUTE_TABLE.map((r) => operationKey(r.method, r.path));
    expect(new Set(keys).size).toBe(keys.length);
    const ids = ROUTE_TABLE.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves out operations the app does not serve', () => {
    const doc = buildOpenApiDocument({ include: (key) => key === 'get /healthz' }) as Doc;
    expect(Object.keys(doc.paths)).toEqual(['/healthz']);
  });
});

describeApi('the OpenAPI document and the API reference', (s) => {
  it('documents every route the app registers, and only those', async () => {
    const served = [...servedOperations(s.app.routes)].sort();
    const documented = ROUTE_TABLE.map((r) => operationKey(r.method, r.path)).sort();
    expect(served).toEqual(documented);
    const res = await s.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    const inDocument = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .sort();
    expect(inDocument).toEqual(served);
  });

  it('is a complete OpenAPI 3.1 document built from the route schemas', async () => {
    const doc = (await (await s.app.request('/api/v1/openapi.json')).json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas).toHaveProperty(ref.replace('#/components/schemas/', ''));
    }
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op.summary, `${method} ${path}`).toEqual(expect.any(String));
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        for (const param of path.match(/\{(\w+)\}/g) ?? []) {
          const name = param.slice(1, -1);
          expect(
            op.parameters.some((p: { in: string; name: string }) => p.in === 'path' && p.name === name),
          ).toBe(true);
        }
        if (['post', 'put', 'patch'].includes(method) && op.requestBody) {
          expect(op.responses['400'].content['application/json'].schema.$ref).toBe(
            '#/components/schemas/Error',
          );
        }
        if (op.security?.length !== 0) expect(op.responses).toHaveProperty('401');
      }
    }
    // The request bodies are the validators' own schemas.
    const create = doc.paths['/api/v1/connectors']!.post.requestBody.content['application/json'].schema;
    expect(create.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 255 });
    expect(create.properties.config.$ref).toBe('#/components/schemas/ConnectorConfigInput');
    expect(create.properties.timeout_ms).toMatchObject({ minimum: 1000, maximum: 900000 });
    const put = doc.paths['/api/v1/connectors/{id}']!.put;
    expect(put.requestBody.content['application/json'].schema.properties).toHaveProperty('version');
    expect(put.responses).toHaveProperty('409');
    expect(
      doc.paths['/api/v1/contacts/{id}']!.patch.requestBody.content['application/json'].schema.properties
        .metadata,
    ).toBeDefined();
    expect(doc.paths['/api/v1/connectors']!.get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['search', 'category', 'enabled', 'cursor', 'limit']),
    );
    expect(doc.components.schemas).toHaveProperty('ConnectorGraph');
    expect(doc.components.schemas).toHaveProperty('Execution');
    expect(JSON.stringify(doc.components.schemas.Connector)).toContain('success_rate');
    // Public routes say so; the rest accept the cookie or an API key.
    expect(doc.paths['/api/v1/auth/signup']!.post.security).toEqual([]);
    expect(doc.paths['/api/v1/connectors']!.post.security).toBeUndefined();
  });

  it('serves an offline HTML reference with every operation', async () => {
    const res = await s.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    for (const route of ROUTE_TABLE) expect(html).toContain(`id="${route.operationId}"`);
    expect(html).toContain('id="schema-Connector"');
    // Nothing is loaded from elsewhere: no external script, stylesheet, font or image.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/i);
    expect(html).not.toMatch(/@import|url\(/);
    const nonce = /nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`<script nonce="${nonce}">`);
  });
});
