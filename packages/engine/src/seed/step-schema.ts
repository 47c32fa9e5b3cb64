import { z } from 'zod';
import { authSchema, fieldMappingsSchema, retrySchema } from '../graph';

const scalar = z.union([z.string().max(100_000), z.number(), z.boolean()]).transform(String);

const keyValueRow = z.object({
  key: z.string().max(1_000),
  value: scalar.default(''),
  enabled: z.boolean().optional(),
});

/** The seed writes `[{ key, value }]`; a plain `{ key: value }` object is accepted too. */
const keyValueList = z.union([
  z.array(keyValueRow).max(100),
  z
    .record(z.string().max(1_000), scalar)
    .transform((record) => Object.entries(record).map(([key, value]) => ({ key, value }))),
]);

/** One step of the seed's list form (connectors-plan.md "Step-Based Connector Configuration"). */
export const seedStepSchema = z.object({
  id: z.union([z.string().max(100), z.number()]).optional(),
  name: z.string().max(200).optional(),
  description: z.string().max(2_000).optional(),
  method: z.string().max(20).default('GET'),
  url: z.string().max(8_000),
  queryParams: keyValueList.optional(),
  headers: keyValueList.optional(),
  auth: authSchema.nullish(),
  body: z.unknown().optional(),
  bodyType: z.enum(['json', 'form', 'text', 'none']).optional(),
  /** `{ name: path }`, read from the step's response body. */
  outputMapping: z.record(z.string().min(1).max(200), z.string().max(10_000)).default({}),
  timeoutMs: z.number().int().min(1).max(300_000).optional(),
  /** The seed's executor reads `timeout`. */
  timeout: z.number().int().min(1).max(300_000).optional(),
  retry: retrySchema.optional(),
});
export type SeedStep = z.infer<typeof seedStepSchema>;

/** `finalMapping` / `field_mappings`: contact field → template (or `{ template, write }`). */
export const seedMappingSchema = fieldMappingsSchema;
