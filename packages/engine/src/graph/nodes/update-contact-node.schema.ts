import { z } from 'zod';
import { fieldMappingsSchema, joinSchema, nodeNameSchema, nodeSchemaOf } from '../common.schema';

/** Writes mapped fields to the flow's contact, as a connector's output node does. */
export const updateContactNodeDataSchema = z.object({
  name: nodeNameSchema.default('Update contact'),
  fieldMappings: fieldMappingsSchema.default({}),
  join: joinSchema.optional(),
});
export type UpdateContactNodeData = z.infer<typeof updateContactNodeDataSchema>;
export const updateContactNodeSchema = nodeSchemaOf('update_contact', updateContactNodeDataSchema);
export type UpdateContactNode = z.infer<typeof updateContactNodeSchema>;
