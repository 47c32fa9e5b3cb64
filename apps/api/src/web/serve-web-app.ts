import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Where `pnpm --filter @connectors/web build` writes the app. */
export const DEFAULT_WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built web app: its files, and `index.html` for every other non-API path so client-side
 * routes (`/connectors/123`) survive a reload. Without a build, `/` says how to make one.
 */
export function webAppRoutes(distDir: string = DEFAULT_WEB_DIST) {
  const routes = new Hono();
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    return routes.get('/', (c) =>
      c.html(
        '<!doctype html><title>Connectors</title><p>The API is running. The web app is not built: run <code>pnpm start</code> from the repository root (it builds it), or <code>pnpm --filter @connectors/web build</code>.</p><p><a href="/api/docs">API reference</a></p>',
      ),
    );
  }
  const index = readFileSync(indexFile, 'utf8');
  return routes
    .use(
      '/assets/*',
      serveStatic({
        root: distDir,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    )
    .use('*', serveStatic({ root: distDir }))
    .get('*', (c) => {
      if (c.req.path.startsWith('/api/')) return c.notFound();
      return c.html(index);
    });
}
