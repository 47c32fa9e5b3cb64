import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Where `pnpm --filter @connectors/web build` writes the app. */
export const DEFAULT_WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const NOT_BUILT =
  '<!doctype html><title>Connectors</title><p>The API is running. The web app is not built: run <code>pnpm start</code> from the repository root (it builds it), or <code>pnpm --filter @connectors/web build</code>.</p><p><a href="/api/docs">API reference</a></p>';

/**
 * `index.html` as it is on disk now: read again whenever the file changed, so a rebuild of the web
 * app (new asset names) is served without restarting the API. Undefined while there is no build.
 */
function currentIndex(indexFile: string): () => string | undefined {
  let cached: { mtimeMs: number; size: number; html: string } | undefined;
  return () => {
    const stat = statSync(indexFile, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, html: readFileSync(indexFile, 'utf8') };
    }
    return cached.html;
  };
}

/**
 * Serves the built web app: its files, and `index.html` for every other non-API path so client-side
 * routes (`/connectors/123`) survive a reload. `index.html` is never cached (by the browser or here
 * beyond its modification time), so a new build is picked up at the next page load; the hashed assets
 * are cached for good. Without a build, `/` says how to make one.
 */
export function webAppRoutes(distDir: string = DEFAULT_WEB_DIST) {
  const index = currentIndex(join(distDir, 'index.html'));
  return new Hono()
    .use(
      '/assets/*',
      async (c, next) => {
        await next();
        // Set on the answer once it is made (serveStatic's `onFound` comes after its response is built).
        if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
      serveStatic({ root: distDir }),
    )
    .use('*', async (c, next) => {
      // `/` and `/index.html` are the app's page: answered below, never from a cache.
      if (c.req.path === '/' || c.req.path === '/index.html') return next();
      return serveStatic({ root: distDir })(c, next);
    })
    .get('*', (c) => {
      // An API path, or an asset a stale page asks for, is missing: not the app's page.
      if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return c.notFound();
      const html = index();
      if (html === undefined) return c.req.path === '/' ? c.html(NOT_BUILT) : c.notFound();
      c.header('Cache-Control', 'no-cache');
      return c.html(html);
    });
}
