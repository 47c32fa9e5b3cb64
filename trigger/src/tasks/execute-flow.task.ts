import { logger, metadata, schemaTask, wait } from '@trigger.dev/sdk';
import { FLOW_RUNS_PER_WORKSPACE, flowRunsQueue, workspaceConcurrency } from '../concurrency';
import { executionRunTags } from '../connector/run-tags';
import { loadTaskRunnerDeps } from '../env/load-task-deps';
import { runExecuteFlow } from '../flow/run-execute-flow';
import { createWaitLock } from '../flow/wait-lock';
import { EXECUTE_FLOW_TASK_ID, executeFlowPayloadSchema } from '../payloads/execute-flow.payload';
import { executeConnector } from './execute-connector.task';

/**
 * Runs one Flow Builder run (DESIGN §3b). Each `connector` node is a child `execute-connector` run
 * (`triggerAndWait`: the flow run is checkpointed while it waits), each `delay` a `wait.for`. Waits are
 * taken one at a time (Trigger.dev cannot wait on two at once), so parallel branches' children run one
 * after another.
 */
export const executeFlow = schemaTask({
  id: EXECUTE_FLOW_TASK_ID,
  schema: executeFlowPayloadSchema,
  queue: flowRunsQueue,
  concurrency: { perKey: FLOW_RUNS_PER_WORKSPACE },
  maxDuration: 60 * 60,
  run: async (payload, { ctx, signal }) => {
    const runner = await loadTaskRunnerDeps();
    const serial = createWaitLock();
    return runExecuteFlow(
      payload,
      { runId: ctx.run.id, attempt: ctx.attempt.number, signal },
      {
        runner,
        progress: metadata,
        runChild: (child) =>
          serial(async () => {
            const result = await executeConnector.triggerAndWait(
              { executionId: child.id },
              {
                // Scoped to this flow run by the SDK: a retried attempt waits on the same child run.
                idempotencyKey: child.id,
                tags: executionRunTags(child),
                ...workspaceConcurrency(child.workspace_id),
              },
            );
            // The child's end is read from the database; a child run that failed outright is only logged.
            if (!result.ok) logger.warn(`The run of execution ${child.id} failed`, { runId: result.id });
          }),
        sleep: (seconds) => (seconds > 0 ? serial(() => wait.for({ seconds })) : Promise.resolve()),
      },
    );
  },
});
