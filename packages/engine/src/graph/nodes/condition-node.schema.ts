import { z } from 'zod';
import { joinSchema, nodeNameSchema, nodeSchemaOf } from '../common.schema';

/** A JSONata expression over the node's scope; its result is read as `$boolean()` reads it. */
export const conditionNodeDataSchema = z.object({
  name: nodeNameSchema.default(''),
  expression: z.string().max(10_000).default(''),
  join: joinSchema.optional(),
});
export type ConditionNodeData = z.infer<typeof conditionNodeDataSchema>;
export const conditionNodeSchema = nodeSchemaOf('condition', conditionNodeDataSchema);
export type ConditionNode = z.infer<typeof conditionNodeSchema>;
