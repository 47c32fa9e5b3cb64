/**
 * The Trigger.dev tasks, for callers that need their types (`tasks.trigger<typeof executeConnector>`). Kept
 * outside `src/tasks`, the folder the CLI indexes, so no task is exported from two files there.
 */
export { executeConnector } from './tasks/execute-connector.task';
export { executeConnectorBatch } from './tasks/execute-connector-batch.task';
export { executeFlow } from './tasks/execute-flow.task';
