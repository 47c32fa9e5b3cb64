import { EXECUTE_FLOW_TASK_ID, executeFlowPayloadSchema, workspaceConcurrency } from '@connectors/trigger';
import type { executeFlow } from '@connectors/trigger/tasks';
import { TriggerClient } from '@trigger.dev/sdk';
import type { DispatchableFlowRun, FlowDispatcher } from '../worker/flow-dispatcher';
import { DEFAULT_TRIGGER_API_URL } from './trigger-dispatcher';

/**
 * Flow runs on Trigger.dev (DESIGN §3b): `tasks.trigger('execute-flow', { workspaceId, flowRunId })`
 * with the flow run id as idempotency key (a repeated dispatch returns the same run) and the workspace
 * as concurrency key. The task's connector nodes are child `execute-connector` runs (`triggerAndWait`).
 */
export function createTriggerFlowDispatcher(options: {
  secretKey: string;
  apiUrl?: string | undefined;
}): FlowDispatcher {
  const client = new TriggerClient({
    accessToken: options.secretKey,
    baseURL: options.apiUrl || DEFAULT_TRIGGER_API_URL,
  });
  return {
    async dispatchFlowRun(flowRun: DispatchableFlowRun) {
      const payload = executeFlowPayloadSchema.parse({
        workspaceId: flowRun.workspace_id,
        flowRunId: flowRun.id,
      });
      await client.tasks.trigger<typeof executeFlow>(EXECUTE_FLOW_TASK_ID, payload, {
        idempotencyKey: flowRun.id,
        tags: [`workspace:${flowRun.workspace_id}`, `flow-run:${flowRun.id}`],
        ...workspaceConcurrency(flowRun.workspace_id),
      });
    },
    async start() {},
    async stop() {},
  };
}
