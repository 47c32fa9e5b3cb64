import { z } from 'zod';

/** The id of the task that runs one connector over many contacts. */
export const EXECUTE_CONNECTOR_BATCH_TASK_ID = 'execute-connector-batch';

/** Most contacts one bulk run may name; larger imports are split by the caller. */
export const MAX_BULK_CONTACTS = 10_000;

/**
 * The payload of `execute-connector-batch`: run one connector (live) for each contact, with the same
 * explicit inputs; a missing input falls back to each contact's field of the same name.
 */
export const executeConnectorBatchPayloadSchema = z.object({
  workspaceId: z.uuid(),
  connectorId: z.uuid(),
  contactIds: z.array(z.uuid()).min(1).max(MAX_BULK_CONTACTS),
  inputs: z.record(z.string(), z.unknown()).optional(),
});
export type ExecuteConnectorBatchPayload = z.infer<typeof executeConnectorBatchPayloadSchema>;
