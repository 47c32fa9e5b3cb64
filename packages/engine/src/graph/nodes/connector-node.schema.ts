import { z } from 'zod';
import { joinSchema, nodeNameSchema, nodeSchemaOf } from '../common.schema';

/** Runs another connector as a child execution; `inputs` are templates over the scope. */
export const connectorNodeDataSchema = z.object({
  name: nodeNameSchema.default(''),
  connectorId: z.string().max(100).default(''),
  inputs: z.record(z.string().min(1).max(200), z.string().max(100_000)).default({}),
  join: joinSchema.optional(),
});
export type ConnectorNodeData = z.infer<typeof connectorNodeDataSchema>;
export const connectorNodeSchema = nodeSchemaOf('connector', connectorNodeDataSchema);
export type ConnectorNode = z.infer<typeof connectorNodeSchema>;
