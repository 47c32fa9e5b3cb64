import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@connectors/db';
import { createTestDatabase } from '@connectors/db/testing';
import { type MockApi, seedHubspotConnector } from '@connectors/runner/testing';
import type { Kysely } from 'kysely';
import type { Json } from '../support/run-helpers';
import type { ServerProcess } from '../support/server-process';

/**
 * What the fault tests share: a fresh PostgreSQL database, real server processes started on it, a
 * signed-up user with the seed HubSpot connector and one contact, and a direct connection to read the
 * rows behind the server's back (`db`).
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

/** Signs up, stores the HubSpot token, creates the seed connector and a contact. */
export async function seedWorkspace(server: ServerProcess, api: MockApi, email: string) {
  const signup = await call(server, '', 'POST', '/auth/signup', { email, password: 'correct horse battery' });
  const cookie = signup.cookie!.split(';')[0]!;
  await call(server, cookie, 'POST', '/workspace/credentials', {
    service: 'hubspot',
    credentials: { token: FAULT_TOKEN },
  });
  const connector = await call(server, cookie, 'POST', '/connectors', {
    ...seedHubspotConnector(api.url),
    max_retries: 0,
    input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
  });
  const contact = await call(server, cookie, 'POST', '/contacts', { email: 'john@acme.com' });
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
