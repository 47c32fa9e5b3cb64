import { type Executor, listStalePendingFlowRuns } from '@connectors/db';
import { EXECUTE_FLOW_TASK_ID, executeFlowPayloadSchema, workspaceConcurrency } from '@connectors/trigger';
import type { executeFlow } from '@connectors/trigger/tasks';
import type { DispatchableFlowRun, FlowDispatcher } from '../worker/flow-dispatcher';
import { createRedispatchSweep, createTriggerClient, type TriggerConnection } from './trigger-redispatch';

export interface TriggerFlowDispatcherOptions extends TriggerConnection {
  db: Executor;
  /** How often the sweep re-dispatches flow runs left pending; 0 turns it off. Default 30 s. */
  sweepIntervalMs?: number;
  /** How old a pending flow run must be before the sweep dispatches it again. Default 60 s. */
  redispatchAfterMs?: number;
  logger?: { warn(message: string): void };
}

/**
 * Flow runs on Trigger.dev (DESIGN §3b): `tasks.trigger('execute-flow', { workspaceId, flowRunId })`
 * with the flow run id as idempotency key (a repeated dispatch returns the same run) and the workspace
 * as concurrency key. The task's connector nodes are child `execute-connector` runs (`triggerAndWait`).
 * A sweep re-dispatches flow runs still pending a minute after they were created (Trigger.dev was
 * unreachable when they were).
 */
export function createTriggerFlowDispatcher(
  options: TriggerFlowDispatcherOptions,
): FlowDispatcher & { sweep(): Promise<number> } {
  const client = createTriggerClient(options);
  const logger = options.logger ?? { warn: (message: string) => console.warn(`[dispatch] ${message}`) };
  const redispatchAfterMs = options.redispatchAfterMs ?? 60_000;

  async function dispatchFlowRun(flowRun: DispatchableFlowRun): Promise<void> {
    const payload = executeFlowPayloadSchema.parse({
      workspaceId: flowRun.workspace_id,
      flowRunId: flowRun.id,
    });
    await client.tasks.trigger<typeof executeFlow>(EXECUTE_FLOW_TASK_ID, payload, {
      idempotencyKey: flowRun.id,
      tags: [`workspace:${flowRun.workspace_id}`, `flow-run:${flowRun.id}`],
      ...workspaceConcurrency(flowRun.workspace_id),
    });
  }

  const sweep = createRedispatchSweep({
    intervalMs: options.sweepIntervalMs ?? 30_000,
    listStale: (limit) => listStalePendingFlowRuns(options.db, { olderThanMs: redispatchAfterMs, limit }),
    dispatch: dispatchFlowRun,
    describe: (flowRun) => `flow run ${flowRun.id}`,
    label: 'flow sweep',
    logger,
  });

  return { dispatchFlowRun, ...sweep };
}
