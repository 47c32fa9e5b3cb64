import { type Executor, getExecutionForWorker, setExecutionTriggerRunId } from '@connectors/db';
import {
  EXECUTE_CONNECTOR_TASK_ID,
  executeConnectorPayloadSchema,
  executionRunTags,
  workspaceConcurrency,
} from '@connectors/trigger';
import type { executeConnector } from '@connectors/trigger/tasks';
import type { ManagedDispatcher } from '../worker/dispatcher';
import { createRedispatchSweep, createTriggerClient, type TriggerConnection } from './trigger-redispatch';
import { listUndispatchedExecutions } from './undispatched-executions';

export { DEFAULT_TRIGGER_API_URL } from './trigger-redispatch';

export interface TriggerDispatcherOptions extends TriggerConnection {
  db: Executor;
  /**
   * How often `start()`'s sweep re-dispatches executions left `pending` without a run (a dispatch
   * that failed); 0 turns the sweep off. Default 30 s.
   */
  sweepIntervalMs?: number;
  /** How old a pending, run-less execution must be before the sweep dispatches it again. Default 60 s. */
  redispatchAfterMs?: number;
  logger?: { warn(message: string): void };
}

/** A dispatcher that runs executions on Trigger.dev, and can cancel them there. */
export interface TriggerDispatcher extends ManagedDispatcher {
  /**
   * Cancels the execution's Trigger.dev run, if it has one. Best effort, never throws: call it after the
   * row is `cancelled` (the runner also stops at its next lease renewal when the run is already going).
   *
   * @returns true when Trigger.dev accepted the cancel.
   */
  cancel(executionId: string): Promise<boolean>;
  /** Re-dispatches what the sweep would; returns how many were dispatched. */
  sweep(): Promise<number>;
}

/**
 * The production dispatcher (DESIGN §4): `tasks.trigger('execute-connector', { executionId })` with the
 * execution id as idempotency key (a repeated dispatch returns the same run), the workspace as
 * concurrency key (one workspace cannot starve the others) and tags `workspace:`, `connector:`,
 * `contact:` (and `flow-run:`) for filtering runs in the dashboard; the run id is stored as the
 * execution's `trigger_run_id`. The SDK is configured per instance (`TriggerClient`), not globally.
 *
 * @example
 * const dispatcher = createTriggerDispatcher({ db, secretKey: process.env.TRIGGER_SECRET_KEY!, apiUrl: process.env.TRIGGER_API_URL });
 */
export function createTriggerDispatcher(options: TriggerDispatcherOptions): TriggerDispatcher {
  const { db } = options;
  const client = createTriggerClient(options);
  const logger = options.logger ?? { warn: (message: string) => console.warn(`[dispatch] ${message}`) };
  const redispatchAfterMs = options.redispatchAfterMs ?? 60_000;

  async function dispatch(executionId: string): Promise<void> {
    const payload = executeConnectorPayloadSchema.parse({ executionId });
    const execution = await getExecutionForWorker(db, payload.executionId);
    if (!execution) throw new Error(`Execution ${executionId} not found`);
    if (execution.status !== 'pending') return;
    const handle = await client.tasks.trigger<typeof executeConnector>(EXECUTE_CONNECTOR_TASK_ID, payload, {
      idempotencyKey: execution.id,
      tags: executionRunTags(execution),
      ...workspaceConcurrency(execution.workspace_id),
    });
    await setExecutionTriggerRunId(db, execution.workspace_id, execution.id, handle.id);
  }

  const sweep = createRedispatchSweep({
    intervalMs: options.sweepIntervalMs ?? 30_000,
    listStale: (limit) => listUndispatchedExecutions(db, { olderThanMs: redispatchAfterMs, limit }),
    dispatch: ({ id }) => dispatch(id),
    describe: ({ id }) => `execution ${id}`,
    label: 'sweep',
    logger,
  });

  return {
    dispatch,
    async cancel(executionId) {
      const execution = await getExecutionForWorker(db, executionId);
      if (!execution?.trigger_run_id) return false;
      try {
        await client.runs.cancel(execution.trigger_run_id);
        return true;
      } catch (error) {
        logger.warn(
          `cancelling run ${execution.trigger_run_id} of execution ${executionId} failed: ${(error as Error).message}`,
        );
        return false;
      }
    },
    ...sweep,
  };
}
