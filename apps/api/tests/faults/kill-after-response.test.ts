import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, isPostgresReachable } from '@connectors/db/testing';
import { HUBSPOT_ROUTES, MockApi, mockHubspot, seedHubspotConnector } from '@connectors/runner/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../support/run-helpers';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * The worst moment to die: the upstream has answered a step, but the server is SIGKILLed before it
 * stores the result. On restart the run resumes and calls that step once more — with the same
 * `Idempotency-Key: <executionId>:<stepId>`, so a provider that honours the header does the work once —
 * and never calls the steps it had stored. Real server processes, real PGlite / PostgreSQL.
 */

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());
const TOKEN = 'pat-kill-after-response-token';

const api = new MockApi();
/** Set while the test wants the server killed the moment the contact step's answer has been sent. */
let killOnAnswer: (() => void) | undefined;
beforeAll(async () => {
  mockHubspot(api);
  api.on(HUBSPOT_ROUTES.contact, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ properties: { firstname: 'John' }, associations: { companies: [{ id: 'co_7' }] } }),
      () => {
        const kill = killOnAnswer;
        killOnAnswer = undefined;
        kill?.();
      },
    );
  });
  await api.start();
});
afterAll(() => api.stop());

async function call(server: ServerProcess, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Json, cookie: res.headers.get('set-cookie') };
}

async function until<T>(fn: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
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
    `killed after a response [${dialect}]`,
    () => {
      it('re-runs that one step with the same Idempotency-Key', { timeout: 240_000 }, async () => {
        api.log.length = 0;
        const dataDir = mkdtempSync(join(tmpdir(), 'connectors-kill-'));
        const env: Record<string, string> = {
          DATA_DIR: dataDir,
          CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
          CONNECTORS_LEASE_MS: '1500',
          CONNECTORS_WORKER_POLL_MS: '100',
        };
        let closeDatabase = async () => {};
        if (dialect === 'postgres') {
          const database = await createTestDatabase('postgres');
          env.DATABASE_URL = database.url!;
          closeDatabase = database.close;
        }
        let second: ServerProcess | undefined;
        try {
          const first = await startServerProcess(env);
          const signup = await call(first, '', 'POST', '/auth/signup', {
            email: `kill-${dialect}@example.com`,
            password: 'correct horse battery',
          });
          const cookie = signup.cookie!.split(';')[0]!;
          await call(first, cookie, 'POST', '/workspace/credentials', {
            service: 'hubspot',
            credentials: { token: TOKEN },
          });
          const connector = await call(first, cookie, 'POST', '/connectors', {
            ...seedHubspotConnector(api.url),
            max_retries: 0,
            input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
          });
          const contact = await call(first, cookie, 'POST', '/contacts', { email: 'john@acme.com' });
          killOnAnswer = () => first.child.kill('SIGKILL');
          const accepted = await call(first, cookie, 'POST', `/connectors/${connector.json.id}/execute`, {
            contactId: contact.json.id,
          });
          expect(accepted.status).toBe(202);
          const id = accepted.json.executionId as string;
          expect(await first.exited).toBe('SIGKILL');

          second = await startServerProcess(env);
          const done = await until(async () => {
            const { json } = await call(second!, cookie, 'GET', `/executions/${id}`);
            return ['pending', 'running'].includes(json.status) ? undefined : json;
          });
          expect(done.status, JSON.stringify(done)).toBe('success');
          // The stored first step was not called again; the unsaved one was, once, with the same key.
          expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
          const contactCalls = api.calls(HUBSPOT_ROUTES.contact);
          expect(contactCalls.length).toBeGreaterThanOrEqual(1);
          expect(contactCalls.length).toBeLessThanOrEqual(2);
          const stepId = done.steps_executed[1].step_id;
          for (const request of contactCalls)
            expect(request.headers['idempotency-key']).toBe(`${id}:${stepId}`);
          expect(first.output() + second.output()).not.toContain(TOKEN);
        } finally {
          second?.child.kill('SIGTERM');
          if (second) await second.exited;
          await closeDatabase();
          rmSync(dataDir, { recursive: true, force: true });
        }
      });
    },
  );
}
