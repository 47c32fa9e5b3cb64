import { z } from 'zod';
import { nodeNameSchema, nodeSchemaOf } from '../common.schema';

export const TRIGGER_EVENTS = ['manual', 'contact.created', 'contact.updated'] as const;

/** The start of a flow: exactly one per flow, no incoming edges. */
export const triggerNodeDataSchema = z.object({
  name: nodeNameSchema.default('Trigger'),
  event: z.enum(TRIGGER_EVENTS).default('manual'),
});
export type TriggerNodeData = z.infer<typeof triggerNodeDataSchema>;
export const triggerNodeSchema = nodeSchemaOf('trigger', triggerNodeDataSchema);
export type TriggerNode = z.infer<typeof triggerNodeSchema>;
