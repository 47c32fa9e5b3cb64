import {
  cancelExecution,
  claimExecution,
  deleteConnector,
  getConnector,
  getContact,
  getExecution,
  listNodeResults,
  updateConnector,
} from '@connectors/db';
import { describeEachDialect } from '@connectors/db/testing';
import { presentStepsExecuted } from '@connectors/runner';
import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { AbortTaskRunError, metadata } from '@trigger.dev/sdk';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { RetryLaterError } from '../src';
import { SimulatedOutage } from './support/fail-once.plugin';
import { createPending, eventually, runnerDeps, seedHubspotWorkspace, TOKEN } from './support/fixtures';
import { runAttempt } from './support/mock-task-run';

const api = new MockApi();
beforeAll(async () => {
  await api.start();
});
afterAll(() => api.stop());
beforeEach(() => {
  api.log.length = 0;
  mockHubspot(api);
});

/**
 * The database connection gone for a while, as the runner sees it: between `begin()` and `end()` every
 * statement sent through `db.withPlugin(outage)` fails.
 */
class DatabaseOutage implements KyselyPlugin {
  failed = 0;
  private down = false;

  begin(): void {
    this.down = true;
  }

  end(): void {
    this.down = false;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.down) {
      this.failed++;
      throw new SimulatedOutage('the database connection was lost');
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const contactAnswer = {
  json: {
    id: 'c42',
    properties: { firstname: 'John', lastname: 'Smith' },
    associations: { companies: [{ id: 'co_7' }] },
  },
};

describeEachDialect('execute-connector under a mock task context', (ctx) => {
  it('runs the seed chain: every step once, the contact enriched, the run id stored, progress published', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const execution = await createPending(ctx.db, seeded);

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_success' });

    expect(attempt.error).toBeUndefined();
    expect(attempt.output).toEqual({ executionId: execution.id, outcome: 'finished', status: 'success' });
    for (const route of Object.values(HUBSPOT_ROUTES)) expect(api.calls(route)).toHaveLength(1);
    expect(api.calls(HUBSPOT_ROUTES.search)[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const stored = await getExecution(ctx.db, seeded.workspace.id, execution.id);
    expect(stored).toMatchObject({
      status: 'success',
      trigger_run_id: 'run_success',
      leased_by: 'run_success',
    });
    const contact = await getContact(ctx.db, seeded.workspace.id, seeded.contact.id);
    expect(contact).toMatchObject({ first_name: 'John', last_name: 'Smith' });
    expect(contact?.metadata).toEqual({
      source: 'import',
      company_name: 'Acme Corp',
      industry: 'Technology',
    });
    expect(attempt.metadata).toEqual({
      executionId: execution.id,
      totalSteps: 4,
      status: 'success',
      currentStep: null,
      runningSteps: [],
      completedSteps: 4,
    });
    expect(JSON.stringify(attempt.metadata)).not.toContain(TOKEN);
  });

  it('publishes the current step and the completed count while the run goes', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    api.on(HUBSPOT_ROUTES.contact, () => ({ ...contactAnswer, delayMs: 600 }));
    const execution = await createPending(ctx.db, seeded);
    let seen: unknown;

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, {
      runId: 'run_progress',
      during: async () => {
        await eventually(() => (metadata.get('currentStep') as { id?: string } | null)?.id === 'step_2');
        seen = {
          status: metadata.get('status'),
          currentStep: metadata.get('currentStep'),
          completedSteps: metadata.get('completedSteps'),
        };
      },
    });

    expect(attempt.output?.status).toBe('success');
    expect(seen).toEqual({
      status: 'running',
      currentStep: { id: 'step_2', name: 'Get Contact Details' },
      completedSteps: 1,
    });
  });

  it("a failed step is a failed run returned, not thrown: the engine's retries run once, exactly", async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url, { max_retries: 2 });
    api.on(HUBSPOT_ROUTES.contact, () => ({ status: 503, json: { message: 'unavailable' } }));
    const execution = await createPending(ctx.db, seeded);

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_failed' });

    expect(attempt.error).toBeUndefined();
    expect(attempt.output).toEqual({ executionId: execution.id, outcome: 'finished', status: 'failed' });
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
    expect(api.calls(HUBSPOT_ROUTES.contact)).toHaveLength(3); // max_retries 2 → 3 attempts
    expect(api.calls(HUBSPOT_ROUTES.company)).toHaveLength(0);
    const steps = presentStepsExecuted(await listNodeResults(ctx.db, seeded.workspace.id, execution.id));
    expect(steps.map((s) => [s.step_id, s.status, s.attempts.length])).toEqual([
      ['step_1', 'success', 1],
      ['step_2', 'failed', 3],
      ['step_3', 'skipped', 0],
      ['output', 'skipped', 0],
    ]);
    expect(await getExecution(ctx.db, seeded.workspace.id, execution.id)).toMatchObject({
      status: 'failed',
      error_message: expect.stringMatching(/^Step "Get Contact Details" \(step_2\) failed: .*503/),
    });
    expect(attempt.metadata).toMatchObject({ status: 'failed', completedSteps: 4 });
  });

  it('a step that recovers within its retries succeeds after exactly as many calls', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url, { max_retries: 3 });
    let calls = 0;
    api.on(HUBSPOT_ROUTES.contact, () =>
      ++calls < 3 ? { status: 500, json: { message: 'boom' } } : contactAnswer,
    );
    const execution = await createPending(ctx.db, seeded);

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_recovers' });

    expect(attempt.output?.status).toBe('success');
    expect(api.calls(HUBSPOT_ROUTES.contact)).toHaveLength(3);
    const steps = presentStepsExecuted(await listNodeResults(ctx.db, seeded.workspace.id, execution.id));
    expect(steps.find((s) => s.step_id === 'step_2')?.attempts.map((a) => a.response?.status)).toEqual([
      500, 500, 200,
    ]);
  });

  it('the database going away between steps throws for a retry; the retried attempt resumes without calling step 1 again', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const execution = await createPending(ctx.db, seeded);
    // The database goes away right after step 1's result was committed, before step 2 starts. No
    // statement runs at that point any more (the insert of step 1 also named step 2 as the current
    // step), so the first thing the outage breaks is persisting step 2: its call was made, its result
    // cannot be stored, and the attempt fails as an infrastructure fault.
    const outage = new DatabaseOutage();
    const deps = runnerDeps(ctx.db.withPlugin(outage), {
      events: {
        publish: (event) => {
          if (event.type === 'node.finished' && event.nodeId === 'step_1') outage.begin();
        },
      },
    });

    const first = await runAttempt(deps, execution.id, { runId: 'run_crash', attempt: 1 });

    expect(outage.failed).toBeGreaterThan(0);
    expect(first.error).toBeInstanceOf(SimulatedOutage);
    expect(first.error).not.toBeInstanceOf(AbortTaskRunError);
    outage.end();
    // What a crashed attempt leaves: the run still leased to this Trigger.dev run, step 1 persisted.
    expect(await getExecution(ctx.db, seeded.workspace.id, execution.id)).toMatchObject({
      status: 'running',
      leased_by: 'run_crash',
      attempt: 1,
      current_step: 'step_2',
    });
    expect((await listNodeResults(ctx.db, seeded.workspace.id, execution.id)).map((r) => r.node_id)).toEqual([
      'step_1',
    ]);

    const started = Date.now();
    const second = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_crash', attempt: 2 });

    expect(second.output).toEqual({ executionId: execution.id, outcome: 'finished', status: 'success' });
    // The 30 s lease of the crashed attempt was taken back, not waited out.
    expect(Date.now() - started).toBeLessThan(10_000);
    // Step 1 was persisted: not called again. Step 2's result was lost with the database, so the
    // resumed attempt calls it once more; step 3 had not started.
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
    expect(api.calls(HUBSPOT_ROUTES.contact)).toHaveLength(2);
    expect(api.calls(HUBSPOT_ROUTES.company)).toHaveLength(1);
    expect(await getExecution(ctx.db, seeded.workspace.id, execution.id)).toMatchObject({
      status: 'success',
      attempt: 2,
    });
    expect(second.metadata).toMatchObject({ completedSteps: 4, totalSteps: 4, status: 'success' });
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.first_name).toBe('John');
  });

  it('an attempt stopped mid-step (maxDuration) throws for a retry; the next attempt resumes from the persisted steps', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    let slow = true;
    api.on(HUBSPOT_ROUTES.company, () => ({
      json: { properties: { name: 'Acme Corp', industry: 'Technology' } },
      delayMs: slow ? 2_000 : 0,
    }));
    const execution = await createPending(ctx.db, seeded);
    const controller = new AbortController();

    const first = await runAttempt(runnerDeps(ctx.db), execution.id, {
      runId: 'run_stopped',
      signal: controller.signal,
      during: async () => {
        // Stopped while the company request is in flight.
        await eventually(() => api.calls(HUBSPOT_ROUTES.company).length === 1);
        controller.abort();
      },
    });

    expect(first.error).toBeInstanceOf(RetryLaterError);
    slow = false;
    const second = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_stopped', attempt: 2 });
    expect(second.output?.status).toBe('success');
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
    expect(api.calls(HUBSPOT_ROUTES.contact)).toHaveLength(1);
    expect(api.calls(HUBSPOT_ROUTES.company)).toHaveLength(2); // the interrupted call never completed
  });

  it('a run cancelled by the API while it goes ends cancelled, without an error', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    api.on(HUBSPOT_ROUTES.contact, () => ({ ...contactAnswer, delayMs: 2_000 }));
    const execution = await createPending(ctx.db, seeded);
    const controller = new AbortController();

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, {
      runId: 'run_cancelled',
      signal: controller.signal,
      during: async () => {
        await eventually(() => (metadata.get('currentStep') as { id?: string } | null)?.id === 'step_2');
        // What the cancel route and runs.cancel do: the row first, then the Trigger.dev run.
        await cancelExecution(ctx.db, seeded.workspace.id, execution.id);
        controller.abort();
      },
    });

    expect(attempt.output).toEqual({ executionId: execution.id, outcome: 'cancelled', status: 'cancelled' });
    expect(attempt.metadata).toMatchObject({ status: 'cancelled' });
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.first_name).toBeNull();
  });

  it('aborts (no retry) for a disabled connector, and ends the execution failed', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const execution = await createPending(ctx.db, seeded);
    await updateConnector(ctx.db, seeded.workspace.id, seeded.connector.id, seeded.connector.version, {
      enabled: false,
    });

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_disabled' });

    expect(attempt.error).toBeInstanceOf(AbortTaskRunError);
    expect((attempt.error as Error).message).toMatch(/is disabled/);
    expect(api.log).toHaveLength(0);
    expect(await getExecution(ctx.db, seeded.workspace.id, execution.id)).toMatchObject({
      status: 'failed',
      error_message: expect.stringMatching(/^The connector ".*" is disabled$/),
      completed_at: expect.any(Date),
    });
    expect(await getConnector(ctx.db, seeded.workspace.id, seeded.connector.id)).toMatchObject({
      total_executions: 1,
      failed_executions: 1,
    });
  });

  it('aborts for a deleted connector (its executions go with it)', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const execution = await createPending(ctx.db, seeded);
    await deleteConnector(ctx.db, seeded.workspace.id, seeded.connector.id);

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_deleted' });

    expect(attempt.error).toBeInstanceOf(AbortTaskRunError);
    expect((attempt.error as Error).message).toMatch(/not found/);
    expect(api.log).toHaveLength(0);
  });

  it('aborts for a graph that cannot run, and ends the execution failed', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const cyclic = {
      version: 1,
      nodes: [
        { id: 'a', type: 'transform', data: { name: 'A', values: {} } },
        { id: 'b', type: 'transform', data: { name: 'B', values: {} } },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'b' },
        { id: 'e2', source: 'b', target: 'a' },
      ],
    };
    const execution = await createPending(ctx.db, seeded, cyclic);

    const attempt = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_invalid' });

    expect(attempt.error).toBeInstanceOf(AbortTaskRunError);
    expect(await getExecution(ctx.db, seeded.workspace.id, execution.id)).toMatchObject({
      status: 'failed',
      error_message: expect.stringMatching(/^The connector's graph cannot run: /),
    });
  });

  it('aborts for an execution that is not there', async () => {
    const attempt = await runAttempt(runnerDeps(ctx.db), '5f0c1c9e-8a57-4d39-9a35-2b1f1d0f2a11', {
      runId: 'run_missing',
    });
    expect(attempt.error).toBeInstanceOf(AbortTaskRunError);
  });

  it('an execution finished by another run aborts; one this run finished before crashing is reported', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const execution = await createPending(ctx.db, seeded);
    expect((await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_a' })).output?.status).toBe(
      'success',
    );
    api.log.length = 0;

    const other = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_b' });
    expect(other.error).toBeInstanceOf(AbortTaskRunError);
    expect((other.error as Error).message).toMatch(/already finished \(success\)/);

    const retried = await runAttempt(runnerDeps(ctx.db), execution.id, { runId: 'run_a', attempt: 2 });
    expect(retried.output).toEqual({ executionId: execution.id, outcome: 'finished', status: 'success' });
    expect(api.log).toHaveLength(0);
  });

  it('a run held by another live worker is retried later; a cancelled one returns cancelled', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const held = await createPending(ctx.db, seeded);
    await claimExecution(ctx.db, { executionId: held.id, workerId: 'local-worker', leaseMs: 60_000 });
    const busy = await runAttempt(runnerDeps(ctx.db), held.id, { runId: 'run_busy' });
    expect(busy.error).toBeInstanceOf(RetryLaterError);

    const cancelled = await createPending(ctx.db, seeded);
    await cancelExecution(ctx.db, seeded.workspace.id, cancelled.id);
    const attempt = await runAttempt(runnerDeps(ctx.db), cancelled.id, { runId: 'run_late' });
    expect(attempt.output).toEqual({ executionId: cancelled.id, outcome: 'cancelled', status: 'cancelled' });
    expect(api.log).toHaveLength(0);
  });
});
