import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@connectors/db';
import { createTestDatabase } from '@connectors/db/testing';
import { HUBSPOT_ROUTES, MockApi, mockHubspot, seedHubspotConnector } from '@connectors/runner/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Json } from '../support/run-helpers';
import type { ServerProcess } from '../support/server-process';

/**
 * What the fault tests (and `crash-resume.test.ts`) share: a fresh database, real server processes
 * started on it, a signed-up user with the seed HubSpot connector and one contact, and (on PostgreSQL)
 * a direct connection to read the rows behind the server's back (`db`).
 */

export const FAULT_TOKEN = 'pat-fault-token';

export async function call(
  server: ServerProcess,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Json, cookie: res.headers.get('set-cookie') };
}

export async function until<T>(fn: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface FaultWorld {
  /** Environment for `startServerProcess` (PostgreSQL, a 1.5 s lease, a 100 ms poll). */
  env: Record<string, string>;
  /** The test database's own URL (a test may point the server elsewhere, e.g. through a proxy). */
  databaseUrl: string;
  /** A direct connection to the test database, to read rows behind the server's back. */
  db: Kysely<Database>;
  close(): Promise<void>;
}

export async function faultWorld(): Promise<FaultWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'connectors-fault-'));
  const database = await createTestDatabase('postgres');
  return {
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: database.url!,
      CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
      CONNECTORS_LEASE_MS: '1500',
      CONNECTORS_WORKER_POLL_MS: '100',
    },
    databaseUrl: database.url!,
    db: database.db,
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database for server processes on `dialect`, for the tests that run on both: PGlite, which the
 * server creates (with its encryption key) in a fresh `DATA_DIR` on first start, or a fresh PostgreSQL
 * database. Same lease and poll as `faultWorld`.
 */
export async function dialectWorld(
  dialect: 'pglite' | 'postgres',
): Promise<{ env: Record<string, string>; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'connectors-fault-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
    CONNECTORS_LEASE_MS: '1500',
    CONNECTORS_WORKER_POLL_MS: '100',
  };
  const database = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
  if (database) env.DATABASE_URL = database.url!;
  return {
    env,
    async close() {
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs up, stores the HubSpot token, creates the seed connector (its own JSON, over HTTP) and a
 * contact. Throws when the server refuses any of it, so a test fails where the setup did.
 */
export async function seedWorkspace(server: ServerProcess, api: MockApi, email: string) {
  const created = async (path: string, body: unknown, cookie = '') => {
    const answer = await call(server, cookie, 'POST', path, body);
    if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}`);
    return answer;
  };
  const signup = await created('/auth/signup', { email, password: 'correct horse battery' });
  const cookie = signup.cookie!.split(';')[0]!;
  await created(
    '/workspace/credentials',
    { service: 'hubspot', credentials: { token: FAULT_TOKEN } },
    cookie,
  );
  const connector = await created(
    '/connectors',
    {
      ...seedHubspotConnector(api.url),
      max_retries: 0,
      input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
    },
    cookie,
  );
  const contact = await created('/contacts', { email: 'john@acme.com' }, cookie);
  return { cookie, connectorId: connector.json.id as string, contactId: contact.json.id as string };
}

export async function execute(server: ServerProcess, cookie: string, connectorId: string, contactId: string) {
  const accepted = await call(server, cookie, 'POST', `/connectors/${connectorId}/execute`, { contactId });
  if (accepted.status !== 202) throw new Error(`execute answered ${accepted.status}`);
  return accepted.json.executionId as string;
}

/**
 * Waits until the execution is neither pending nor running, as the API reports it. A read that fails
 * (a 500 while the database connection is down) is retried.
 */
export function finished(server: ServerProcess, cookie: string, id: string) {
  return until(async () => {
    const { status, json } = await call(server, cookie, 'GET', `/executions/${id}`);
    return status !== 200 || ['pending', 'running'].includes(json.status) ? undefined : json;
  });
}

/** A promise with its resolver, for an upstream answer held until the test lets it go. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/**
 * The seed connector's mock HubSpot API, started for the test file, whose company step (the third)
 * answers only once `company.hold` has settled: set it to a `gate()` to keep a run waiting on its
 * upstream, clear it and open the gate to let the run go on. Call it at the top level of a test file.
 */
export function useHeldCompanyApi(): { api: MockApi; company: { hold: Promise<void> | undefined } } {
  const api = new MockApi();
  const company: { hold: Promise<void> | undefined } = { hold: undefined };
  beforeAll(async () => {
    mockHubspot(api);
    api.on(HUBSPOT_ROUTES.company, async (_req, res) => {
      if (company.hold) await company.hold;
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ properties: { name: 'Acme Corp', industry: 'Technology' } }));
    });
    await api.start();
  });
  afterAll(() => api.stop());
  return { api, company };
}
