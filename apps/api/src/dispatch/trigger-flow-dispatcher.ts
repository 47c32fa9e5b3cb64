import { type Executor, listStalePendingFlowRuns } from '@connectors/db';
import { EXECUTE_FLOW_TASK_ID, executeFlowPayloadSchema, workspaceConcurrency } from '@connectors/trigger';
import type { executeFlow } from '@connectors/trigger/tasks';
import { TriggerClient, type TriggerClientConfig } from '@trigger.dev/sdk';
import type { DispatchableFlowRun, FlowDispatcher } from '../worker/flow-dispatcher';
import { DEFAULT_TRIGGER_API_URL } from './trigger-dispatcher';

export interface TriggerFlowDispatcherOptions {
  db: Executor;
  /** `TRIGGER_SECRET_KEY`. Never logged. */
  secretKey: string;
  /** `TRIGGER_API_URL`; default the cloud. */
  apiUrl?: string | undefined;
  /** How often the sweep re-dispatches flow runs left pending; 0 turns it off. Default 30 s. */
  sweepIntervalMs?: number;
  /** How old a pending flow run must be before the sweep dispatches it again. Default 60 s. */
  redispatchAfterMs?: number;
  requestOptions?: TriggerClientConfig['requestOptions'];
  logger?: { warn(message: string): void };
}

const SWEEP_BATCH = 100;

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
  const client = new TriggerClient({
    accessToken: options.secretKey,
    baseURL: options.apiUrl || DEFAULT_TRIGGER_API_URL,
    ...(options.requestOptions ? { requestOptions: options.requestOptions } : {}),
  });
  const logger = options.logger ?? { warn: (message: string) => console.warn(`[dispatch] ${message}`) };
  const sweepIntervalMs = options.sweepIntervalMs ?? 30_000;
  const redispatchAfterMs = options.redispatchAfterMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;

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

  async function sweepOnce(): Promise<number> {
    const stale = await listStalePendingFlowRuns(options.db, {
      olderThanMs: redispatchAfterMs,
      limit: SWEEP_BATCH,
    });
    let dispatched = 0;
    for (const flowRun of stale) {
      try {
        await dispatchFlowRun(flowRun);
        dispatched++;
      } catch (error) {
        logger.warn(`re-dispatching flow run ${flowRun.id} failed: ${(error as Error).message}`);
        break; // Trigger.dev is likely still unreachable: try again at the next sweep.
      }
    }
    return dispatched;
  }

  return {
    dispatchFlowRun,
    sweep() {
      sweeping ??= sweepOnce().finally(() => {
        sweeping = undefined;
      });
      return sweeping;
    },
    async start() {
      if (sweepIntervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        void this.sweep().catch((error: unknown) =>
          logger.warn(`flow sweep failed: ${(error as Error).message}`),
        );
      }, sweepIntervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await sweeping?.catch(() => undefined);
    },
  };
}
