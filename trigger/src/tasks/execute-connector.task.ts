import { metadata, schemaTask } from '@trigger.dev/sdk';
import { CONNECTOR_RUNS_PER_WORKSPACE, connectorRunsQueue } from '../concurrency';
import { runExecuteConnector } from '../connector/run-execute-connector';
import { loadTaskRunnerDeps } from '../env/load-task-deps';
import {
  EXECUTE_CONNECTOR_TASK_ID,
  executeConnectorPayloadSchema,
} from '../payloads/execute-connector.payload';

/**
 * Runs one connector execution (DESIGN §4) on the shared runner. Thin on purpose: the logic is
 * `runExecuteConnector`. Retried only for infrastructure faults, each retry resuming from the persisted
 * steps; a failed run is a normal result.
 */
export const executeConnector = schemaTask({
  id: EXECUTE_CONNECTOR_TASK_ID,
  schema: executeConnectorPayloadSchema,
  queue: connectorRunsQueue,
  concurrency: { perKey: CONNECTOR_RUNS_PER_WORKSPACE },
  // A connector's own deadline is at most 15 minutes (`timeout_ms`); this leaves room for resuming.
  maxDuration: 20 * 60,
  retry: { maxAttempts: 5, factor: 2, minTimeoutInMs: 2_000, maxTimeoutInMs: 60_000, randomize: true },
  run: async (payload, { ctx, signal }) => {
    const runner = await loadTaskRunnerDeps();
    return runExecuteConnector(payload, { runId: ctx.run.id, signal }, { runner, progress: metadata });
  },
});
