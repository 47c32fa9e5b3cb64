import { z } from 'zod';
import { fieldMappingsSchema, joinSchema, nodeNameSchema, nodeSchemaOf } from '../common.schema';

/** Maps values onto the contact; its evaluated values are the run's `output_data`. At most one per graph. */
export const outputNodeDataSchema = z.object({
  name: nodeNameSchema.default('Output'),
  fieldMappings: fieldMappingsSchema.default({}),
  join: joinSchema.optional(),
});
export type OutputNodeData = z.infer<typeof outputNodeDataSchema>;
export const outputNodeSchema = nodeSchemaOf('output', outputNodeDataSchema);
export type OutputNode = z.infer<typeof outputNodeSchema>;
