import { getContact, getExecution } from '@connectors/db';
import { createTestDatabase, isPostgresReachable, type TestDatabase } from '@connectors/db/testing';
import { MockApi, mockHubspot } from '@connectors/runner/testing';
import { resourceCatalog } from '@trigger.dev/core/v3';
import { runInMockTaskContext } from '@trigger.dev/core/v3/test';
import { StandardResourceCatalog } from '@trigger.dev/core/v3/workers';
import { AbortTaskRunError } from '@trigger.dev/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeTaskRunnerDeps } from '../src/env/task-runner-deps';
import { createPending, KEY, seedHubspotWorkspace } from './support/fixtures';

// The tasks register themselves in Trigger.dev's resource catalog when their files are imported, as the
// CLI's indexer does: install a real catalog first, then import them.
const catalog = new StandardResourceCatalog();
resourceCatalog.setGlobalResourceCatalog(catalog);
catalog.setCurrentFileContext('src/tasks/execute-connector.task.ts', 'execute-connector');
await import('../src/tasks/execute-connector.task');
catalog.setCurrentFileContext('src/tasks/execute-flow.task.ts', 'execute-flow');
await import('../src/tasks/execute-flow.task');
catalog.setCurrentFileContext('src/tasks/execute-connector-batch.task.ts', 'execute-connector-batch');
await import('../src/tasks/execute-connector-batch.task');
catalog.clearCurrentFileContext();

describe('the task definitions, as Trigger.dev indexes them', () => {
  it('registers the three tasks with their queues, per-workspace concurrency, retries and max duration', () => {
    expect(
      resourceCatalog
        .listTaskManifests()
        .map((t) => t.id)
        .sort(),
    ).toEqual(['execute-connector', 'execute-connector-batch', 'execute-flow']);
    expect(resourceCatalog.getTaskManifest('execute-connector')).toMatchObject({
      queue: { name: 'connector-runs' },
      concurrency: { inline: { perKey: 10 } },
      maxDuration: 1_200,
      retry: { maxAttempts: 5 },
    });
    expect(resourceCatalog.getTaskManifest('execute-flow')).toMatchObject({
      queue: { name: 'flow-runs' },
      concurrency: { inline: { perKey: 5 } },
    });
  });

  it('validates the payload with the shared schema', async () => {
    const task = resourceCatalog.getTask('execute-connector');
    await expect(task?.fns.parsePayload?.({ executionId: 'not-a-uuid' })).rejects.toThrow();
    const id = '5f0c1c9e-8a57-4d39-9a35-2b1f1d0f2a11';
    expect(await task?.fns.parsePayload?.({ executionId: id })).toEqual({ executionId: id });
  });

  it('aborts (no retry) when the task environment lacks DATABASE_URL or the encryption key', async () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('CONNECTORS_ENCRYPTION_KEY', '');
    try {
      const task = resourceCatalog.getTask('execute-connector');
      const error = await runInMockTaskContext(({ ctx }) =>
        task?.fns
          .run(
            { executionId: '5f0c1c9e-8a57-4d39-9a35-2b1f1d0f2a11' },
            { ctx, signal: new AbortController().signal },
          )
          .catch((e: unknown) => e),
      );
      expect(error).toBeInstanceOf(AbortTaskRunError);
      expect((error as Error).message).toMatch(/DATABASE_URL is required/);
      expect((error as Error).message).toMatch(/CONNECTORS_ENCRYPTION_KEY is required/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

// The registered run function end to end: deps built from the environment, as on a Trigger.dev worker.
// A worker reaches PostgreSQL through DATABASE_URL, so this needs the postgres test server.
const postgres = (await isPostgresReachable()) || process.env.CI === 'true';
(postgres ? describe : describe.skip)('execute-connector run from its environment [postgres]', () => {
  const api = new MockApi();
  let database: TestDatabase;
  beforeAll(async () => {
    await api.start();
    mockHubspot(api);
    database = await createTestDatabase('postgres');
    vi.stubEnv('DATABASE_URL', database.url ?? '');
    vi.stubEnv('CONNECTORS_ENCRYPTION_KEY', KEY);
    vi.stubEnv('CONNECTORS_ALLOW_PRIVATE_NETWORK', 'true');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await closeTaskRunnerDeps();
    await api.stop();
    await database?.close();
  });

  it('runs an execution with the deps it builds from DATABASE_URL and CONNECTORS_ENCRYPTION_KEY', async () => {
    const seeded = await seedHubspotWorkspace(database.db, api.url);
    const execution = await createPending(database.db, seeded);
    const task = resourceCatalog.getTask('execute-connector');

    const output = await runInMockTaskContext(
      ({ ctx }) =>
        task?.fns.run({ executionId: execution.id }, { ctx, signal: new AbortController().signal }),
      { ctx: { run: { id: 'run_from_env' } } },
    );

    expect(output).toEqual({ executionId: execution.id, outcome: 'finished', status: 'success' });
    expect(await getExecution(database.db, seeded.workspace.id, execution.id)).toMatchObject({
      status: 'success',
      trigger_run_id: 'run_from_env',
    });
    expect((await getContact(database.db, seeded.workspace.id, seeded.contact.id))?.first_name).toBe('John');
  });
});
