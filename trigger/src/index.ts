/**
 * `@connectors/trigger`: the Trigger.dev project. The tasks live in `src/tasks` (what the CLI deploys);
 * this entry point exports what other packages share with them — the payload schemas, the run tags —
 * and the tasks' bodies as plain functions, which tests call under `runInMockTaskContext`. Task
 * definitions, for their types, are at `@connectors/trigger/tasks`.
 */

export {
  batchTriggerExecutions,
  type ExecutionBatchItem,
  executionBatchItem,
  type TriggerExecutionBatch,
} from './batch/batch-trigger-executions';
export { BATCH_CHUNK_SIZE, chunk } from './batch/chunk';
export {
  type BulkExecutions,
  createBulkExecutions,
  type SkippedContact,
} from './batch/create-bulk-executions';
export {
  CONNECTOR_RUNS_PER_WORKSPACE,
  FLOW_RUNS_PER_WORKSPACE,
  workspaceConcurrency,
} from './concurrency';
export {
  type ExecuteConnectorDeps,
  type ExecuteConnectorOutput,
  type ExecuteConnectorRun,
  runExecuteConnector,
} from './connector/run-execute-connector';
export { executionRunTags, MAX_RUN_TAG_LENGTH, MAX_RUN_TAGS } from './connector/run-tags';
export { RetryLaterError } from './connector/task-errors';
export { readTaskEnv, TaskConfigError, type TaskEnv } from './env/task-env';
export type { ExecuteFlowDeps, RunChildExecution } from './flow/flow-deps';
export {
  type ExecuteFlowOutput,
  type ExecuteFlowRun,
  runExecuteFlow,
} from './flow/run-execute-flow';
export { createWaitLock } from './flow/wait-lock';
export {
  EXECUTE_CONNECTOR_TASK_ID,
  type ExecuteConnectorPayload,
  executeConnectorPayloadSchema,
} from './payloads/execute-connector.payload';
export {
  EXECUTE_CONNECTOR_BATCH_TASK_ID,
  type ExecuteConnectorBatchPayload,
  executeConnectorBatchPayloadSchema,
  MAX_BULK_CONTACTS,
} from './payloads/execute-connector-batch.payload';
export {
  EXECUTE_FLOW_TASK_ID,
  type ExecuteFlowPayload,
  executeFlowPayloadSchema,
} from './payloads/execute-flow.payload';
export { type ProgressValue, type ProgressWriter, RunProgress } from './progress/run-progress';
