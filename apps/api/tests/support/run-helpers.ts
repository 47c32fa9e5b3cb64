import { type MockApi, seedHubspotConnector } from '@connectors/runner/testing';
import { expect } from 'vitest';
import { Client, type TestApp } from './test-app';

/** Loosely typed JSON from a response, for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk response JSON without declaring its type
export type Json = any;

export const TOKEN = 'pat-na1-0123456789-secret';

const FINAL = ['success', 'partial', 'failed', 'timeout', 'cancelled'];

/** Every response body a test saw, to assert a secret never left the API. */
export class RecordingClient extends Client {
  readonly seen: string[] = [];
  override async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await super.request(method, path, body, headers);
    this.seen.push(typeof res.json === 'string' ? res.json : JSON.stringify(res.json ?? null));
    return res;
  }
}

/** A signed-up user with the HubSpot token stored, the seed's connector (its own JSON) and a contact. */
export async function seedWorkspace(
  app: TestApp['app'],
  api: MockApi,
  connector: Record<string, unknown> = {},
) {
  const client = new RecordingClient(app);
  const { workspace } = await client.signup();
  const credential = await client.post('/workspace/credentials', {
    service: 'hubspot',
    credentials: { token: TOKEN },
  });
  expect(credential.status).toBe(201);
  const created = await client.post('/connectors', {
    ...seedHubspotConnector(api.url),
    name: `HubSpot ${Math.random().toString(36).slice(2)}`,
    input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
    max_retries: 0,
    ...connector,
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const contact = await client.post('/contacts', {
    email: 'john@acme.com',
    metadata: { source: 'import', company_name: 'Old Co' },
  });
  expect(contact.status).toBe(201);
  return {
    client,
    workspaceId: workspace.id as string,
    connector: created.json as { id: string; version: number; config: Json },
    contact: contact.json as { id: string },
  };
}

/** Polls `GET /executions/:id` until the run has ended (or `until` holds) and returns it. */
export async function waitForExecution(
  client: Client,
  id: string,
  until: (execution: Json) => boolean = (e) => FINAL.includes(e.status),
  timeoutMs = 20_000,
) {
  const started = Date.now();
  for (;;) {
    const res = await client.get(`/executions/${id}`);
    expect(res.status).toBe(200);
    if (until(res.json)) return res.json;
    if (Date.now() - started > timeoutMs)
      throw new Error(`execution ${id} stuck: ${JSON.stringify(res.json)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
