import { randomBytes, randomUUID } from 'node:crypto';
import {
  type ConnectorFields,
  claimExecution,
  createConnector,
  createContact,
  createExecution,
  type Executor,
  type LeaseToken,
  upsertCredential,
} from '@connectors/db';
import { seedWorkspace } from '@connectors/db/testing';
import { convertSeedConnector } from '@connectors/engine';
import { createHttpClient } from '@connectors/engine/http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createCredentialCipher, encryptCredentialFields, parseKeyring, type RunnerDeps } from '../../src';
import type { RunEvent } from '../../src/run/run-events';
import { MockApi, mockHubspot, seedHubspotConnector } from '../../src/testing';

export const TOKEN = 'pat-na1-secret-token-123';

export const cipher = createCredentialCipher(parseKeyring(`test:${randomBytes(32).toString('base64')}`));
export const http = createHttpClient({ allowPrivateNetwork: true });

/**
 * The HubSpot mock for a test file: started before its tests, stopped after, and before each test
 * answering the seed's routes again with an empty log. Call at the top of the file.
 */
export function useHubspotApi(): MockApi {
  const api = new MockApi();
  beforeAll(async () => {
    await api.start();
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.log.length = 0;
    mockHubspot(api);
  });
  return api;
}

/** Runner deps over a test database, collecting the events it publishes. */
export function runnerDeps(db: Executor, overrides: Partial<RunnerDeps> = {}) {
  const events: RunEvent[] = [];
  const deps: RunnerDeps = {
    db,
    http,
    cipher,
    leaseMs: 5_000,
    events: { publish: (e) => events.push(e) },
    logger: { warn: () => {}, error: () => {} },
    ...overrides,
  };
  return { deps, events };
}

/** A workspace with the HubSpot token stored, the seed connector (converted) and a contact. */
export async function seedHubspotWorkspace(
  db: Executor,
  baseUrl: string,
  options: { allowedHosts?: string[]; connector?: Partial<ConnectorFields> } = {},
) {
  const { workspace } = await seedWorkspace(db);
  await upsertCredential(db, workspace.id, {
    service_name: 'hubspot',
    credentials: encryptCredentialFields(cipher, workspace.id, 'hubspot', { token: TOKEN }),
    allowed_hosts: options.allowedHosts ?? [],
  });
  const converted = convertSeedConnector(seedHubspotConnector(baseUrl));
  if (!converted.ok) throw new Error(JSON.stringify(converted.problems));
  const connector = await createConnector(db, workspace.id, {
    name: `HubSpot ${randomUUID()}`,
    config: converted.config,
    input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
    max_retries: 0,
    ...options.connector,
  });
  const contact = await createContact(db, workspace.id, {
    email: 'john@acme.com',
    metadata: { source: 'import', company_name: 'Old Co' },
  });
  return { workspace, connector, contact, graph: converted.config };
}

/** Creates an execution for the seed connector and claims it as `workerId`. */
export async function createClaimed(
  db: Executor,
  seeded: Awaited<ReturnType<typeof seedHubspotWorkspace>>,
  options: { mode?: 'live' | 'test'; workerId?: string; leaseMs?: number } = {},
): Promise<LeaseToken> {
  const { execution } = await createExecution(db, {
    workspace_id: seeded.workspace.id,
    connector_id: seeded.connector.id,
    connector_version: seeded.connector.version,
    graph_snapshot: seeded.connector.config,
    contact_id: seeded.contact.id,
    input_data: { email: 'john@acme.com' },
    mode: options.mode ?? 'live',
  });
  const workerId = options.workerId ?? 'worker-a';
  const claimed = await claimExecution(db, {
    executionId: execution.id,
    workerId,
    leaseMs: options.leaseMs ?? 5_000,
  });
  if (!claimed) throw new Error('claim failed');
  return { executionId: execution.id, workerId, attempt: claimed.attempt };
}

/** Resolves when `predicate` holds for an event published so far or later. */
export function waitForEvent(events: RunEvent[], predicate: (e: RunEvent) => boolean, timeoutMs = 10_000) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (events.some(predicate)) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('event never came'));
      setTimeout(check, 10);
    };
    check();
  });
}
