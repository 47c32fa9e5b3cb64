import { z } from 'zod';

/** The id of the task that runs one connector execution. */
export const EXECUTE_CONNECTOR_TASK_ID = 'execute-connector';

/**
 * The payload of `execute-connector`, shared by the task (`schemaTask`) and the API's dispatcher: only
 * the execution id. Everything else (graph snapshot, inputs, contact) is read from the database, so a
 * payload never carries a secret and a replayed run reads the execution as it is now.
 */
export const executeConnectorPayloadSchema = z.object({
  executionId: z.uuid(),
});
export type ExecuteConnectorPayload = z.infer<typeof executeConnectorPayloadSchema>;
