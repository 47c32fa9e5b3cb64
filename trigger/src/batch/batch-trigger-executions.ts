import type { ConnectorExecution } from '@connectors/db';
import { executionRunTags } from '../connector/run-tags';
import type { ExecuteConnectorPayload } from '../payloads/execute-connector.payload';
import { BATCH_CHUNK_SIZE, chunk } from './chunk';

/** One item of `executeConnector.batchTrigger`. */
export interface ExecutionBatchItem {
  payload: ExecuteConnectorPayload;
  options: { idempotencyKey: string; tags: string[]; concurrencyKey: string };
}

/** `executeConnector.batchTrigger` (or a stand-in): triggers one chunk, returns its batch id. */
export type TriggerExecutionBatch = (items: ExecutionBatchItem[]) => Promise<{ batchId: string }>;

type Dispatchable = Pick<
  ConnectorExecution,
  'id' | 'workspace_id' | 'connector_id' | 'contact_id' | 'flow_run_id'
>;

/** The batch item of one execution: idempotent by execution id, tagged, in its workspace's pool. */
export function executionBatchItem(execution: Dispatchable): ExecutionBatchItem {
  return {
    payload: { executionId: execution.id },
    options: {
      idempotencyKey: execution.id,
      tags: executionRunTags(execution),
      concurrencyKey: execution.workspace_id,
    },
  };
}

/**
 * Starts an `execute-connector` run for every execution, `chunkSize` per `batchTrigger` call (one API
 * call per chunk instead of one per run, within Trigger.dev's per-batch limit). Each item's idempotency
 * key is its execution id, so a retried caller does not start a run twice.
 *
 * @returns the batch ids, one per chunk, in order.
 */
export async function batchTriggerExecutions(
  executions: readonly Dispatchable[],
  trigger: TriggerExecutionBatch,
  chunkSize: number = BATCH_CHUNK_SIZE,
): Promise<string[]> {
  const batchIds: string[] = [];
  for (const part of chunk(executions, chunkSize)) {
    const { batchId } = await trigger(part.map(executionBatchItem));
    batchIds.push(batchId);
  }
  return batchIds;
}
