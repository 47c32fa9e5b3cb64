import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const HUBSPOT_TOKEN = 'pat-e2e-secret-token';

export interface MockRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface MockHubSpot {
  url: string;
  requests: MockRequest[];
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A local stand-in for HubSpot's CRM v3 API (the three calls of the seed's connector), on 127.0.0.1.
 * Requests without the expected bearer token answer 401, like HubSpot.
 */
export async function startMockHubSpot(): Promise<MockHubSpot> {
  const requests: MockRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    const body = await readBody(req);
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
      body,
    });
    const send = (status: number, payload: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (req.headers.authorization !== `Bearer ${HUBSPOT_TOKEN}`)
      return send(401, { status: 'error', message: 'Authentication credentials not found.' });
    if (req.method === 'POST' && url.pathname === '/crm/v3/objects/contacts/search') {
      const email = (body as { filterGroups?: { filters?: { value?: string }[] }[] })?.filterGroups?.[0]
        ?.filters?.[0]?.value;
      return send(200, { total: 1, results: [{ id: '101', properties: { email } }] });
    }
    if (req.method === 'GET' && url.pathname === '/crm/v3/objects/contacts/101') {
      return send(200, {
        id: '101',
        properties: { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' },
        associations: { companies: { results: [{ id: '202', type: 'contact_to_company' }] } },
      });
    }
    if (req.method === 'GET' && url.pathname === '/crm/v3/objects/companies/202') {
      return send(200, {
        id: '202',
        properties: { name: 'Analytical Engines Ltd', industry: 'COMPUTER_SOFTWARE' },
      });
    }
    return send(404, { status: 'error', message: `No route ${req.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
