import { z } from 'zod';
import { joinSchema, nodeNameSchema, nodeSchemaOf } from '../common.schema';

/** Named values computed with JSONata over the node's scope; no I/O. */
export const transformNodeDataSchema = z.object({
  name: nodeNameSchema.default(''),
  values: z.record(z.string().min(1).max(200), z.string().max(10_000)).default({}),
  join: joinSchema.optional(),
});
export type TransformNodeData = z.infer<typeof transformNodeDataSchema>;
export const transformNodeSchema = nodeSchemaOf('transform', transformNodeDataSchema);
export type TransformNode = z.infer<typeof transformNodeSchema>;
