import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { buildOpenApiDocument } from '../openapi/build-document';
import type { JsonSchema } from '../openapi/json-schema';
import { renderReference } from '../openapi/render-reference';
import { servedOperations } from '../openapi/route-table';

/** What `createApiReference` needs from the app: its registered routes (Hono's `app.routes`). */
export type ListRoutes = () => readonly { method: string; path: string }[];

/**
 * `GET /api/v1/openapi.json` (mount at `/api/v1`, before authentication) and `GET /api/docs` (mount at
 * `/api`): the OpenAPI document built from the route schemas, limited to the routes the app really
 * serves, and an offline HTML reference rendered from it. Built once, on first request, when every route
 * is registered.
 *
 * @example
 * const reference = createApiReference(() => app.routes);
 * api.route('/', reference.openApiRoutes); app.route('/api', reference.docsRoutes);
 */
export function createApiReference(listRoutes: ListRoutes) {
  let document: JsonSchema | undefined;
  const getDocument = () => {
    if (!document) {
      const served = servedOperations(listRoutes());
      document = buildOpenApiDocument({ include: (key) => served.has(key) });
    }
    return document;
  };

  const openApiRoutes = new Hono().get('/openapi.json', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(getDocument());
  });

  const docsRoutes = new Hono().get('/docs', (c) => {
    const nonce = randomBytes(16).toString('base64');
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(renderReference(getDocument(), nonce));
  });

  return { openApiRoutes, docsRoutes, getDocument };
}
