import { metadata, schemaTask } from '@trigger.dev/sdk';
import { batchTriggerExecutions } from '../batch/batch-trigger-executions';
import { createBulkExecutions } from '../batch/create-bulk-executions';
import { flowRunsQueue } from '../concurrency';
import { loadTaskRunnerDeps } from '../env/load-task-deps';
import {
  EXECUTE_CONNECTOR_BATCH_TASK_ID,
  executeConnectorBatchPayloadSchema,
} from '../payloads/execute-connector-batch.payload';
import { executeConnector } from './execute-connector.task';

/**
 * Runs one connector over many contacts: creates one execution per contact, then starts their
 * `execute-connector` runs with `batchTrigger`, 500 per call. The runs wait in their workspace's pool,
 * so a bulk run of one workspace never starves the others. Returns at once: each run is its own.
 */
export const executeConnectorBatch = schemaTask({
  id: EXECUTE_CONNECTOR_BATCH_TASK_ID,
  schema: executeConnectorBatchPayloadSchema,
  queue: flowRunsQueue,
  maxDuration: 15 * 60,
  run: async (payload, { ctx }) => {
    const { db } = await loadTaskRunnerDeps();
    // Keyed by this run: a retried attempt finds the executions and runs it already started.
    const { executions, skipped } = await createBulkExecutions(db, payload, ctx.run.id);
    metadata.set('created', executions.length).set('skipped', skipped.length);
    const batchIds = await batchTriggerExecutions(executions, async (items) => {
      const handle = await executeConnector.batchTrigger(items);
      return { batchId: handle.batchId };
    });
    return { executionIds: executions.map((e) => e.id), skipped, batchIds };
  },
});
