import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll } from 'vitest';
import type { TestApp } from './test-app';

/**
 * Serves the test app over a real socket on 127.0.0.1 (a free port) for the enclosing describe block:
 * an event stream is read with `fetch`, which needs one. `base` is the API root
 * (`http://127.0.0.1:<port>/api/v1`) once the block's tests run. Closing drops the connections still
 * open, so a stream a test left behind does not hold the teardown.
 */
export function useServedApp(s: { readonly app: TestApp['app'] }): { readonly base: string } {
  let server: ServerType | undefined;
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: s.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}/api/v1`;
        resolve();
      });
    });
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      }),
  );
  return {
    get base() {
      return base;
    },
  };
}
