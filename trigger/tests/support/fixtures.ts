import { randomBytes, randomUUID } from 'node:crypto';
import {
  type ConnectorFields,
  createConnector,
  createContact,
  createExecution,
  type Executor,
  upsertCredential,
} from '@connectors/db';
import { seedWorkspace } from '@connectors/db/testing';
import { convertSeedConnector } from '@connectors/engine';
import { createHttpClient } from '@connectors/engine/http';
import { type Clock, systemClock } from '@connectors/engine/runtime';
import {
  createCredentialCipher,
  encryptCredentialFields,
  parseKeyring,
  type RunnerDeps,
} from '@connectors/runner';
import { seedHubspotConnector } from '@connectors/runner/testing';

export const TOKEN = 'pat-na1-secret-token-123';
export const KEY = `test:${randomBytes(32).toString('base64')}`;
export const cipher = createCredentialCipher(parseKeyring(KEY));
export const http = createHttpClient({ allowPrivateNetwork: true });

/** Backoff waits shrunk to a few milliseconds, so retry tests count attempts without waiting. */
export const fastClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => systemClock.sleep(Math.min(ms, 5), signal),
};

/** Runner deps over a test database (the lease is long: resuming must not wait for it to expire). */
export function runnerDeps(db: Executor, overrides: Partial<RunnerDeps> = {}): RunnerDeps {
  return {
    db,
    http,
    cipher,
    leaseMs: 30_000,
    clock: fastClock,
    logger: { warn: () => {}, error: () => {} },
    ...overrides,
  };
}

export type SeededWorkspace = Awaited<ReturnType<typeof seedHubspotWorkspace>>;

/** A workspace with the HubSpot token stored, the seed's 3-step connector (converted) and a contact. */
export async function seedHubspotWorkspace(
  db: Executor,
  baseUrl: string,
  connector: Partial<ConnectorFields> = {},
) {
  const { workspace } = await seedWorkspace(db);
  await upsertCredential(db, workspace.id, {
    service_name: 'hubspot',
    credentials: encryptCredentialFields(cipher, workspace.id, 'hubspot', { token: TOKEN }),
    allowed_hosts: [],
  });
  const converted = convertSeedConnector(seedHubspotConnector(baseUrl));
  if (!converted.ok) throw new Error(JSON.stringify(converted.problems));
  const created = await createConnector(db, workspace.id, {
    name: `HubSpot ${randomUUID()}`,
    config: converted.config,
    input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
    max_retries: 0,
    ...connector,
  });
  const contact = await createContact(db, workspace.id, {
    email: 'john@acme.com',
    metadata: { source: 'import' },
  });
  return { workspace, connector: created, contact };
}

/** A pending live execution of the seeded connector for its contact, as the API creates it. */
export async function createPending(db: Executor, seeded: SeededWorkspace, graphSnapshot?: unknown) {
  const { execution } = await createExecution(db, {
    workspace_id: seeded.workspace.id,
    connector_id: seeded.connector.id,
    connector_version: seeded.connector.version,
    graph_snapshot: graphSnapshot ?? seeded.connector.config,
    contact_id: seeded.contact.id,
    input_data: { email: 'john@acme.com' },
  });
  return execution;
}

/** Resolves when `check` holds, polling every 10 ms. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
