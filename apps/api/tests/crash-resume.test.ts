import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, isPostgresReachable } from '@connectors/db/testing';
import { HUBSPOT_ROUTES, MockApi, mockHubspot, seedHubspotConnector } from '@connectors/runner/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './support/run-helpers';
import { type ServerProcess, startServerProcess } from './support/server-process';

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());
const TOKEN = 'pat-crash-test-token';

const api = new MockApi();
let contactCalls = 0;
beforeAll(async () => {
  mockHubspot(api);
  // The first "get contact" never answers: the server is killed while waiting for it.
  api.on(HUBSPOT_ROUTES.contact, (_req, res) => {
    contactCalls++;
    if (contactCalls === 1) return new Promise<void>(() => {});
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ properties: { firstname: 'John' }, associations: { companies: [{ id: 'co_7' }] } }),
    );
  });
  await api.start();
});
afterAll(() => api.stop());

/** Calls the server process with the session cookie, as a browser would. */
async function call(server: ServerProcess, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Json, cookie: res.headers.get('set-cookie') };
}

/** Signs up on the server, stores the token, creates the seed connector (its own JSON) and a contact. */
async function seedOverHttp(server: ServerProcess) {
  const signup = await call(server, '', 'POST', '/auth/signup', {
    email: 'crash@example.com',
    password: 'correct horse battery',
  });
  expect(signup.status).toBe(201);
  const cookie = signup.cookie!.split(';')[0]!;
  const credential = await call(server, cookie, 'POST', '/workspace/credentials', {
    service: 'hubspot',
    credentials: { token: TOKEN },
  });
  expect(credential.status).toBe(201);
  const connector = await call(server, cookie, 'POST', '/connectors', {
    ...seedHubspotConnector(api.url),
    max_retries: 0,
    input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
  });
  expect(connector.status).toBe(201);
  const contact = await call(server, cookie, 'POST', '/contacts', { email: 'john@acme.com' });
  expect(contact.status).toBe(201);
  return { cookie, connectorId: connector.json.id as string, contactId: contact.json.id as string };
}

async function until<T>(fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const dialect of ['pglite', 'postgres'] as const) {
  (dialect === 'pglite' || postgres ? describe : describe.skip)(
    `a server killed mid-run [${dialect}]`,
    () => {
      it('resumes the run on restart without calling a completed step again', {
        timeout: 240_000,
      }, async () => {
        api.log.length = 0;
        contactCalls = 0;
        const dataDir = mkdtempSync(join(tmpdir(), 'connectors-crash-'));
        const env: Record<string, string> = {
          DATA_DIR: dataDir,
          CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
          CONNECTORS_LEASE_MS: '1500',
          CONNECTORS_WORKER_POLL_MS: '100',
        };
        // PGlite: the server creates its database (and its encryption key) in DATA_DIR on first start.
        let closeDatabase = async () => {};
        if (dialect === 'postgres') {
          const database = await createTestDatabase('postgres');
          env.DATABASE_URL = database.url!;
          closeDatabase = database.close;
        }
        try {
          const first = await startServerProcess(env);
          const seeded = await seedOverHttp(first);
          const execute = `/connectors/${seeded.connectorId}/execute`;
          const accepted = await call(first, seeded.cookie, 'POST', execute, { contactId: seeded.contactId });
          expect(accepted.status).toBe(202);
          const id = accepted.json.executionId;
          // Step 1 is persisted and step 2's request is in flight: kill the server without warning.
          await until(async () => {
            const { json } = await call(first, seeded.cookie, 'GET', `/executions/${id}`);
            return json.steps_executed?.length === 1 && contactCalls === 1 ? true : undefined;
          });
          first.child.kill('SIGKILL');
          expect(await first.exited).toBe('SIGKILL');

          const second = await startServerProcess(env);
          const done = await until(async () => {
            const { json } = await call(second, seeded.cookie, 'GET', `/executions/${id}`);
            return ['pending', 'running'].includes(json.status) ? undefined : json;
          });
          expect(done.status, JSON.stringify(done)).toBe('success');
          expect(done.attempt).toBe(2);
          expect(done.steps_executed.map((s: Json) => s.step_id)).toEqual([
            'step_1',
            'step_2',
            'step_3',
            'output',
          ]);
          expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
          expect(contactCalls).toBe(2);
          const contact = await call(second, seeded.cookie, 'GET', `/contacts/${seeded.contactId}`);
          expect(contact.json.first_name).toBe('John');

          // A clean stop exits 0 and says so.
          second.child.kill('SIGTERM');
          expect(await second.exited).toBe(0);
          expect(second.output()).toContain('SIGTERM: shutting down');
          expect(first.output() + second.output()).not.toContain(TOKEN);
          if (dialect === 'pglite') expect(first.output()).toContain('Generated an encryption key');
        } finally {
          await closeDatabase();
          rmSync(dataDir, { recursive: true, force: true });
        }
      });
    },
  );
}
