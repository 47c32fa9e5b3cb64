import { z } from 'zod';

/** Node ids are JSONata-safe names, so `{{step_1.x}}` needs no quoting. */
export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names that are scope roots and therefore cannot be node ids. */
export const RESERVED_SCOPE_NAMES = ['input', 'workspace', 'credentials', 'contact', 'run'] as const;

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const keyValueSchema = z.object({
  key: z.string().max(1_000),
  value: z.string().max(100_000),
  enabled: z.boolean().optional(),
});
export type KeyValue = z.infer<typeof keyValueSchema>;

/** How a node with several incoming edges decides to run (DESIGN §3 Scheduling). */
export const joinSchema = z.enum(['all', 'any']);
export type Join = z.infer<typeof joinSchema>;

export const nodeNameSchema = z.string().max(200);

export const writeModeSchema = z.enum(['overwrite', 'if_empty']);
export type WriteMode = z.infer<typeof writeModeSchema>;

/** A mapped contact field: a template string, or a template with its write rule. */
export const fieldMappingValueSchema = z.union([
  z.string().max(100_000),
  z.object({ template: z.string().max(100_000), write: writeModeSchema.default('overwrite') }),
]);
export type FieldMappingValue = z.infer<typeof fieldMappingValueSchema>;

export const fieldMappingsSchema = z.record(z.string().min(1).max(200), fieldMappingValueSchema);
export type FieldMappings = z.infer<typeof fieldMappingsSchema>;

/** The seed's `input_schema`. */
export const inputFieldSchema = z.object({
  name: z.string().regex(NODE_ID_PATTERN, 'must be a name like email or company_domain').max(100),
  type: z.enum(['string', 'number', 'boolean', 'object', 'array']),
  required: z.boolean().default(false),
  label: z.string().max(200).optional(),
  description: z.string().max(2_000).optional(),
});
export const inputSchemaSchema = z.object({ fields: z.array(inputFieldSchema).max(100).default([]) });
export type InputField = z.infer<typeof inputFieldSchema>;
export type InputSchema = z.infer<typeof inputSchemaSchema>;

/** The frame every node shares: an id, its type tag, where it sits on the canvas, and its data. */
export function nodeSchemaOf<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({
    id: z.string().max(100),
    type: z.literal(type),
    position: positionSchema.default({ x: 0, y: 0 }),
    data,
  });
}
