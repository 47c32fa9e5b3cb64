import type { EnginePorts, HttpRequest, HttpResponse } from '@connectors/engine/runtime';
import { systemClock } from '@connectors/engine/runtime';

type Canned = { status?: number; json: unknown };

/**
 * Engine ports whose HTTP client answers from canned responses keyed by `host/path`, so the shipped
 * templates can be run offline against the response shapes their real APIs document. Records every
 * request for assertions.
 */
export function cannedPorts(routes: Record<string, Canned>, secrets: Record<string, string> = {}) {
  const requests: HttpRequest[] = [];
  const ports: EnginePorts = {
    http: {
      async request(req: HttpRequest): Promise<HttpResponse> {
        requests.push(req);
        const url = new URL(req.url);
        const canned = routes[`${url.host}${url.pathname}`];
        const status = canned?.status ?? (canned ? 200 : 404);
        const body = new TextEncoder().encode(JSON.stringify(canned?.json ?? { error: 'not found' }));
        return { status, headers: { 'content-type': 'application/json' }, body, url: req.url, redirects: 0 };
      },
    },
    clock: systemClock,
    secrets: {
      resolve: async (root, path) => {
        const value = secrets[`${root}.${path.join('.')}`];
        return value === undefined ? undefined : { value };
      },
    },
    recorder: { nodeFinished: () => {} },
    random: () => 0.5,
  };
  return { ports, requests };
}
