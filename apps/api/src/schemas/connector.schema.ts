import { fieldMappingsSchema, inputSchemaSchema } from '@connectors/engine';
import { z } from 'zod';
import { storableJson } from '../lib/json-guard';
import { booleanQuery, pageOf, pageQueryFields, queryText } from './page.schema';

/** The seed's connector kinds; derived from the graph on save (more than one http node: multi-step). */
export const CONNECTOR_TYPES = ['single-step', 'multi-step'] as const;

/** Bounds of the run settings (the whole-run deadline and the default retries of each http node). */
export const TIMEOUT_MS_RANGE = { min: 1_000, max: 900_000 } as const;
export const MAX_RETRIES_RANGE = { min: 0, max: 10 } as const;

/** The seed's `input_schema`, with field names unique (the run's `input.<name>` must be unambiguous). */
export const connectorInputSchema = inputSchemaSchema.superRefine((schema, ctx) => {
  const seen = new Set<string>();
  schema.fields.forEach((field, i) => {
    if (seen.has(field.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', i, 'name'],
        message: `Duplicate input field '${field.name}'`,
      });
    }
    seen.add(field.name);
  });
});

/**
 * `config` as received. Its shape (canonical graph or the seed's list form) is checked after this schema,
 * by the engine, so that problems carry paths like `config.nodes.2.data.url`. The OpenAPI document shows
 * the real shapes (see `x-doc-ref`).
 */
const configField = z
  .record(z.string(), z.unknown())
  .meta({ 'x-doc-ref': 'ConnectorConfigInput', description: 'The canonical graph, or the seed list form' });

const connectorFields = {
  name: z.string().trim().min(1).max(255),
  description: z.string().max(10_000).nullish(),
  icon: z.string().trim().max(50).nullish().meta({ description: 'An emoji or an icon name' }),
  category: z.string().trim().max(100).nullish().meta({ description: 'e.g. enrichment, validation, crm' }),
  type: z
    .enum(CONNECTOR_TYPES)
    .optional()
    .meta({ description: 'Accepted for the seed format; the stored value is derived from the graph' }),
  config: configField.optional(),
  steps: z
    .array(z.unknown())
    .max(100)
    .optional()
    .meta({ 'x-doc-ref': 'SeedStepList', description: 'The seed list form, instead of `config`' }),
  finalMapping: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ 'x-doc-ref': 'FieldMappings', description: "The seed's name for `field_mappings`" }),
  field_mappings: z.record(z.string(), z.unknown()).nullish().meta({
    'x-doc-ref': 'FieldMappings',
    description:
      "With the list form: the output node's mappings. With a canonical `config`: optional, and must equal its output node's `fieldMappings`",
  }),
  input_schema: connectorInputSchema.nullish(),
  enabled: z.boolean().optional(),
  timeout_ms: z
    .number()
    .int()
    .min(TIMEOUT_MS_RANGE.min)
    .max(TIMEOUT_MS_RANGE.max)
    .optional()
    .meta({ description: 'Deadline of a whole run (default 30000)' }),
  max_retries: z
    .number()
    .int()
    .min(MAX_RETRIES_RANGE.min)
    .max(MAX_RETRIES_RANGE.max)
    .optional()
    .meta({ description: 'Retries of an http node without its own `retry` (default 3)' }),
  continue_on_error: z.boolean().optional(),
};

/**
 * `config` or `steps` is required. Checked even when other fields already failed (`when`), so an empty
 * body lists every missing field at once.
 */
const hasConfigOrSteps = (body: { config?: unknown; steps?: unknown }) =>
  body.config !== undefined || body.steps !== undefined;
const configOrStepsIssue = {
  path: ['config'],
  message: 'Send `config` (a graph) or `steps` (the list form)',
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

/** `POST /connectors`. Unknown fields are ignored (a GET body can be sent back), never stored. */
export const createConnectorSchema = storableJson(
  z.object(connectorFields).refine(hasConfigOrSteps, configOrStepsIssue),
);

/** `PUT /connectors/:id`: the whole resource plus the `version` it was read at. */
export const updateConnectorSchema = storableJson(
  z
    .object({
      ...connectorFields,
      version: z
        .number()
        .int()
        .min(0)
        .max(2_147_483_647)
        .optional()
        .meta({ description: 'The version this edit is based on; a stale or missing one answers 409' }),
    })
    .refine(hasConfigOrSteps, configOrStepsIssue),
);

export type CreateConnectorBody = z.output<typeof createConnectorSchema>;
export type UpdateConnectorBody = z.output<typeof updateConnectorSchema>;

/** `GET /connectors` filters. */
export const listConnectorsQuerySchema = z.object({
  search: queryText(200).optional().meta({ description: 'Matches name or description, case-insensitively' }),
  category: queryText(100).optional(),
  enabled: booleanQuery.optional(),
  ...pageQueryFields,
});

/** One graph problem as the API shows it: the engine's `GraphProblem`, its path dotted from the body root. */
export const problemSchema = z.object({
  code: z.string().meta({ description: 'Stable code, e.g. cycle, missing_edge, invalid_url' }),
  severity: z.enum(['error', 'warning']).meta({ description: 'Errors block execute and test (422)' }),
  message: z.string(),
  path: z.string().meta({ description: 'e.g. config.nodes.2.data.url' }),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  related: z.array(z.string()).optional(),
  fix: z
    .object({ kind: z.literal('connect'), source: z.string(), target: z.string(), label: z.string() })
    .optional(),
});

/** A connector as every route returns it (`src/lib/connector-view.ts`). */
export const connectorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  icon: z.string().nullable(),
  category: z.string().nullable(),
  type: z.enum(CONNECTOR_TYPES),
  config: z.record(z.string(), z.unknown()).meta({ 'x-doc-ref': 'ConnectorGraph' }),
  input_schema: inputSchemaSchema.nullable(),
  field_mappings: fieldMappingsSchema.meta({
    'x-doc-ref': 'FieldMappings',
    description: "Mirrors the output node's fieldMappings",
  }),
  enabled: z.boolean(),
  timeout_ms: z.number().int(),
  max_retries: z.number().int(),
  continue_on_error: z.boolean(),
  version: z.number().int(),
  total_executions: z.number().int(),
  successful_executions: z.number().int(),
  failed_executions: z.number().int(),
  success_rate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .meta({ description: 'successful / total live runs (0 to 1); null before the first run' }),
  last_executed_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  problems: z
    .array(problemSchema)
    .meta({ description: 'What keeps the graph from running; empty when ready' }),
});

export const connectorPageSchema = pageOf(connectorSchema);
