import {
  type ConnectorExecution,
  createFlow,
  createFlowRun,
  type Executor,
  getContact,
  getFlowRun,
  listExecutions,
} from '@connectors/db';
import { describeEachDialect } from '@connectors/db/testing';
import { claimAndRunExecution, type RunnerDeps } from '@connectors/runner';
import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { runInMockTaskContext } from '@trigger.dev/core/v3/test';
import { AbortTaskRunError, metadata } from '@trigger.dev/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWaitLock, type ExecuteFlowOutput, runExecuteFlow } from '../src';
import { FailOnce, SimulatedOutage, updatedColumns } from './support/fail-once.plugin';
import { runnerDeps, type SeededWorkspace, seedHubspotWorkspace } from './support/fixtures';

const api = new MockApi();
beforeAll(async () => {
  await api.start();
});
afterAll(() => api.stop());
beforeEach(() => {
  api.log.length = 0;
  mockHubspot(api);
});

/** trigger → connector (the seed chain, fed the contact's e-mail) → update_contact. */
function enrichFlow(connectorId: string) {
  return {
    version: 1,
    nodes: [
      { id: 'start', type: 'trigger', data: { name: 'Start', event: 'manual' } },
      {
        id: 'enrich',
        type: 'connector',
        data: { name: 'Enrich', connectorId, inputs: { email: '{{contact.email}}' } },
      },
      {
        id: 'save',
        type: 'update_contact',
        data: { name: 'Save', fieldMappings: { title: '{{enrich.firstName}} @ {{enrich.industry}}' } },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'enrich' },
      {
        id: 'e2',
        source: 'enrich',
        target: 'save',
        data: { mapping: { firstName: 'first_name', industry: '`metadata.industry`' } },
      },
    ],
  };
}

/** The node results a flow run stored. */
function stepsOf(flowRun: { steps_executed: unknown } | undefined): { nodeId: string; status: string }[] {
  return (flowRun?.steps_executed ?? []) as { nodeId: string; status: string }[];
}

async function seedFlowRun(db: Executor, seeded: SeededWorkspace, config: unknown) {
  const flow = await createFlow(db, seeded.workspace.id, { name: 'Enrich new contacts', config });
  const flowRun = await createFlowRun(db, seeded.workspace.id, {
    flow_id: flow.id,
    contact_id: seeded.contact.id,
  });
  if (!flowRun) throw new Error('no flow run');
  return flowRun;
}

/**
 * One attempt of `execute-flow`'s body under the mock task context. The stand-in for
 * `executeConnector.triggerAndWait` runs each child in process through the shared runner.
 */
function runFlowAttempt(
  runner: RunnerDeps,
  payload: { workspaceId: string; flowRunId: string },
  attempt = 1,
) {
  const children: string[] = [];
  return runInMockTaskContext(
    async ({ ctx }) => {
      let output: ExecuteFlowOutput | undefined;
      let error: unknown;
      try {
        output = await runExecuteFlow(
          payload,
          { runId: ctx.run.id, attempt: ctx.attempt.number },
          {
            runner,
            progress: metadata,
            runChild: async (child: ConnectorExecution) => {
              children.push(child.id);
              await claimAndRunExecution(runner, child.id, `child-of-${ctx.run.id}`);
            },
          },
        );
      } catch (e) {
        error = e;
      }
      return { output, error, children, metadata: metadata.current() };
    },
    { ctx: { run: { id: 'run_flow' }, attempt: { number: attempt } } },
  );
}

describeEachDialect('execute-flow under a mock task context', (ctx) => {
  it('runs the connector node as a child execution of the flow run, then updates the contact', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const flowRun = await seedFlowRun(ctx.db, seeded, enrichFlow(seeded.connector.id));
    const payload = { workspaceId: seeded.workspace.id, flowRunId: flowRun.id };

    const attempt = await runFlowAttempt(runnerDeps(ctx.db), payload);

    expect(attempt.error).toBeUndefined();
    expect(attempt.output).toEqual({ flowRunId: flowRun.id, status: 'success' });
    for (const route of Object.values(HUBSPOT_ROUTES)) expect(api.calls(route)).toHaveLength(1);
    const children = await listExecutions(ctx.db, seeded.workspace.id, { flowRunId: flowRun.id });
    expect(children.data).toHaveLength(1);
    expect(children.data[0]).toMatchObject({
      id: attempt.children[0],
      flow_run_id: flowRun.id,
      contact_id: seeded.contact.id,
      status: 'success',
      input_data: { email: 'john@acme.com' },
    });
    const stored = await getFlowRun(ctx.db, seeded.workspace.id, flowRun.id);
    expect(stored).toMatchObject({ status: 'success', error_message: null, completed_at: expect.any(Date) });
    expect(stepsOf(stored).map((s) => [s.nodeId, s.status])).toEqual([
      ['start', 'success'],
      ['enrich', 'success'],
      ['save', 'success'],
    ]);
    const contact = await getContact(ctx.db, seeded.workspace.id, seeded.contact.id);
    // The child connector enriched the contact, and the flow's update_contact node wrote `title`.
    expect(contact).toMatchObject({ first_name: 'John', title: 'John @ Technology' });
    expect(attempt.metadata).toMatchObject({
      flowRunId: flowRun.id,
      status: 'success',
      completedSteps: 3,
      totalSteps: 3,
    });
  });

  it('fails with its child: the flow run names the node, later nodes are skipped', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    api.on(HUBSPOT_ROUTES.company, () => ({ status: 500, json: { message: 'boom' } }));
    const flowRun = await seedFlowRun(ctx.db, seeded, enrichFlow(seeded.connector.id));

    const attempt = await runFlowAttempt(runnerDeps(ctx.db), {
      workspaceId: seeded.workspace.id,
      flowRunId: flowRun.id,
    });

    expect(attempt.output?.status).toBe('failed');
    const stored = await getFlowRun(ctx.db, seeded.workspace.id, flowRun.id);
    expect(stored?.error_message).toMatch(/^Step "Enrich" \(enrich\) failed: The run of ".*" ended failed/);
    expect(stepsOf(stored).map((s) => s.status)).toEqual(['success', 'failed', 'skipped']);
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.title).toBeNull();
  });

  it('a retried attempt after a crash finds its finished child instead of running the connector again', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const flowRun = await seedFlowRun(ctx.db, seeded, enrichFlow(seeded.connector.id));
    const payload = { workspaceId: seeded.workspace.id, flowRunId: flowRun.id };
    // The database goes away just as the flow records its connector node (the 2nd steps write).
    const outage = new FailOnce((node) => updatedColumns(node).has('steps_executed'), 1);

    const first = await runFlowAttempt(runnerDeps(ctx.db.withPlugin(outage)), payload, 1);
    expect(first.error).toBeInstanceOf(SimulatedOutage);
    expect(first.children).toHaveLength(1);

    const second = await runFlowAttempt(runnerDeps(ctx.db), payload, 2);
    expect(second.output?.status).toBe('success');
    expect(second.children).toHaveLength(0); // the child had ended: nothing to run or wait for
    for (const route of Object.values(HUBSPOT_ROUTES)) expect(api.calls(route)).toHaveLength(1);
    expect((await listExecutions(ctx.db, seeded.workspace.id, { flowRunId: flowRun.id })).data).toHaveLength(
      1,
    );
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.title).toBe(
      'John @ Technology',
    );
  });

  it("waits out a delay through the task's sleep (wait.for), and runs the graph the run started on", async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const config = {
      version: 1,
      nodes: [
        { id: 'start', type: 'trigger', data: { event: 'manual' } },
        { id: 'wait', type: 'delay', data: { seconds: 3600 } },
        { id: 'save', type: 'update_contact', data: { fieldMappings: { title: 'Waited' } } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'wait' },
        { id: 'e2', source: 'wait', target: 'save' },
      ],
    };
    const flowRun = await seedFlowRun(ctx.db, seeded, config);
    // The flow is edited after the run was created: the run keeps the graph it started on.
    await ctx.db
      .updateTable('flows')
      .set({ config: JSON.stringify({ ...config, nodes: config.nodes.slice(0, 1), edges: [] }) })
      .where('id', '=', flowRun.flow_id)
      .execute();
    const slept: number[] = [];

    const output = await runInMockTaskContext(
      () =>
        runExecuteFlow(
          { workspaceId: seeded.workspace.id, flowRunId: flowRun.id },
          { runId: 'run_flow', attempt: 1 },
          {
            runner: runnerDeps(ctx.db),
            runChild: async () => {},
            sleep: async (seconds) => {
              slept.push(seconds);
            },
          },
        ),
      { ctx: { run: { id: 'run_flow' }, attempt: { number: 1 } } },
    );

    expect(output).toEqual({ flowRunId: flowRun.id, status: 'success' });
    expect(slept).toEqual([3600]);
    expect(stepsOf(await getFlowRun(ctx.db, seeded.workspace.id, flowRun.id)).map((s) => s.nodeId)).toEqual([
      'start',
      'wait',
      'save',
    ]);
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.title).toBe('Waited');
  });

  it('aborts for a flow graph that cannot run, and ends the flow run failed', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const flowRun = await seedFlowRun(ctx.db, seeded, {
      version: 1,
      nodes: [{ id: 'wait', type: 'delay', data: { seconds: 1 } }],
      edges: [],
    });

    const attempt = await runFlowAttempt(runnerDeps(ctx.db), {
      workspaceId: seeded.workspace.id,
      flowRunId: flowRun.id,
    });

    expect(attempt.error).toBeInstanceOf(AbortTaskRunError);
    expect(await getFlowRun(ctx.db, seeded.workspace.id, flowRun.id)).toMatchObject({
      status: 'failed',
      error_message: expect.stringMatching(/^The flow's graph cannot run/),
    });
  });
});

describe('createWaitLock', () => {
  it('runs overlapping waits one after another, in call order, and survives a failure', async () => {
    const lock = createWaitLock();
    const log: string[] = [];
    const step = (name: string, ms: number, fail = false) =>
      lock(async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
      });
    const results = await Promise.allSettled([step('a', 30, true), step('b', 5), step('c', 1)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
