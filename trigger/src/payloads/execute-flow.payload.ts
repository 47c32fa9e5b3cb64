import { z } from 'zod';

/** The id of the task that runs one flow run (Flow Builder). */
export const EXECUTE_FLOW_TASK_ID = 'execute-flow';

/**
 * The payload of `execute-flow`: the flow run to carry out. The workspace id comes along because flow
 * runs are only ever read scoped by workspace.
 */
export const executeFlowPayloadSchema = z.object({
  workspaceId: z.uuid(),
  flowRunId: z.uuid(),
});
export type ExecuteFlowPayload = z.infer<typeof executeFlowPayloadSchema>;
