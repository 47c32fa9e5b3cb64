import { NODE_ID_PATTERN } from '@connectors/engine';
import { z } from 'zod';
import { storableJson } from '../lib/json-guard';
import { pageOf, pageQueryFields, queryText } from './page.schema';

export const RUN_STATUSES = [
  'pending',
  'running',
  'success',
  'partial',
  'failed',
  'timeout',
  'cancelled',
] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);

const inputsSchema = storableJson(z.record(z.string().min(1).max(200), z.unknown())).meta({
  description:
    "The connector's inputs by `input_schema` field name; a missing one falls back to the contact's field",
});

const contactId = z.string().trim().min(1).max(100);

/** `POST /connectors/:id/execute` (the seed's payload: camelCase `contactId`). */
export const executeBodySchema = z.object({
  contactId: contactId.meta({ description: 'The contact to enrich' }),
  inputs: inputsSchema.optional(),
});

/** `POST /connectors/:id/test`: runs now; a contact is optional and never written. */
export const testBodySchema = z.object({
  contactId: contactId.optional(),
  inputs: inputsSchema.optional(),
});

/** `POST /executions/:id/retry`. */
export const retryBodySchema = z.object({
  from_failed: z
    .boolean()
    .default(false)
    .meta({ description: 'Reuse the steps that succeeded and are unchanged; run only the rest' }),
});

/** `?status=failed,timeout` (one or several, comma-separated). */
const statusFilter = queryText(200)
  .transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  )
  .pipe(z.array(runStatusSchema).min(1));

/** `GET /executions` and `GET /connectors/:id/executions`. */
export const listExecutionsQuerySchema = z.object({
  status: statusFilter.optional(),
  connector_id: queryText(100).optional(),
  contact_id: queryText(100).optional(),
  flow_run_id: queryText(100).optional().meta({ description: 'The child executions of a flow run' }),
  mode: z.enum(['live', 'test']).optional(),
  ...pageQueryFields,
});

/** The `Idempotency-Key` header of execute: a replay answers with the first execution. */
export const idempotencyKeySchema = z.string().trim().min(1).max(255);

const attemptSchema = z.object({
  attempt: z.number().int(),
  started_at: z.string(),
  duration_ms: z.number(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.string().nullable(),
  }),
  response: z
    .object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.unknown() })
    .nullable(),
  error: z.string().nullable(),
  retry_delay_ms: z.number().optional(),
});

/** One entry of `steps_executed` (DESIGN §4): a node of the run, in the order the nodes finished. */
/** Why a step failed, as runs of connectors and of flows both record it. */
export const stepErrorSchema = z.object({
  message: z.string(),
  code: z.string(),
  status: z.number().optional(),
  body: z.unknown().optional(),
  path: z.string().optional(),
});

export const stepExecutedSchema = z.object({
  step_id: z.string().regex(NODE_ID_PATTERN),
  step_name: z.string(),
  step_type: z.string(),
  status: z.enum(['pending', 'running', 'success', 'failed', 'skipped']),
  handle: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  duration_ms: z.number().nullable(),
  attempts: z.array(attemptSchema),
  edge_values: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .meta({ description: 'Values carried on each outgoing edge that became active, by edge id' }),
  output: z.unknown(),
  error: stepErrorSchema.nullable(),
});

/** An execution as the API returns it; lists leave out `steps_executed` and `graph_snapshot`. */
export const executionSchema = z.object({
  id: z.string(),
  connector_id: z.string(),
  contact_id: z.string().nullable(),
  status: runStatusSchema,
  mode: z.enum(['live', 'test']),
  current_step: z.string().nullable(),
  input_data: z.record(z.string(), z.unknown()),
  output_data: z.record(z.string(), z.unknown()).nullable(),
  error_message: z.string().nullable(),
  execution_time_ms: z.number().nullable(),
  attempt: z.number().int(),
  connector_version: z.number().int(),
  retry_of: z.string().nullable(),
  trigger_run_id: z.string().nullable(),
  flow_run_id: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  steps_executed: z.array(stepExecutedSchema).optional(),
  graph_snapshot: z.unknown().optional(),
  connector_name: z.string().nullable().optional().meta({ description: "The connector's name now" }),
  contact: z
    .object({
      id: z.string(),
      email: z.string().nullable(),
      first_name: z.string().nullable(),
      last_name: z.string().nullable(),
    })
    .nullable()
    .optional()
    .meta({ description: 'The contact the run is for (null: a test run without one, or deleted)' }),
  step_counts: z
    .object({
      total: z.number().int(),
      success: z.number().int(),
      failed: z.number().int(),
      skipped: z.number().int(),
    })
    .optional()
    .meta({ description: "Nodes in the run's graph, and how many ended each way so far" }),
  connector_changes: z
    .object({
      current_version: z.number().int(),
      changed: z.boolean(),
      changed_steps: z.array(z.string()),
      reusable_steps: z.array(z.string()),
    })
    .nullable()
    .optional()
    .meta({
      description:
        'Single execution only: how the connector differs now from `graph_snapshot` (positions ignored), ' +
        'and the steps a retry from the failed step would reuse',
    }),
});

export const executionPageSchema = pageOf(
  executionSchema.omit({ steps_executed: true, graph_snapshot: true, connector_changes: true }),
);

/** `202` of execute and retry: the seed's `{ executionId, status }`. */
export const executionAcceptedSchema = z.object({
  executionId: z.string(),
  status: runStatusSchema,
  retry_of: z.string().nullable().optional(),
  reused_steps: z
    .array(z.string())
    .optional()
    .meta({ description: 'Retry from the failed step: the steps whose earlier results the new run reuses' }),
});
