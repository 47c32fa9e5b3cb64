import { z } from 'zod';
import { joinSchema, nodeNameSchema, nodeSchemaOf } from '../common.schema';

export const delayNodeDataSchema = z.object({
  name: nodeNameSchema.default('Delay'),
  seconds: z
    .number()
    .min(0)
    .max(86_400 * 30)
    .default(0),
  join: joinSchema.optional(),
});
export type DelayNodeData = z.infer<typeof delayNodeDataSchema>;
export const delayNodeSchema = nodeSchemaOf('delay', delayNodeDataSchema);
export type DelayNode = z.infer<typeof delayNodeSchema>;
