import { TRIGGER_EVENTS } from '@connectors/engine';
import { z } from 'zod';
import { storableJson } from '../lib/json-guard';
import { problemSchema } from './connector.schema';
import { runStatusSchema, stepErrorSchema } from './execution.schema';
import { pageOf, pageQueryFields, queryText } from './page.schema';

/** `config` as received; its shape is checked by the engine so problems carry `config.nodes.…` paths. */
const flowConfigField = z
  .record(z.string(), z.unknown())
  .meta({ 'x-doc-ref': 'ConnectorGraph', description: 'The flow graph `{ version, nodes, edges }`' });

const flowFields = {
  name: z.string().trim().min(1).max(255),
  description: z.string().max(10_000).nullish(),
  enabled: z
    .boolean()
    .optional()
    .meta({ description: 'Enabled flows start on their trigger event (default false)' }),
  config: flowConfigField,
};

/** `POST /flows`. Unknown fields (`trigger_event`, `problems`…) are ignored: they are derived. */
export const createFlowSchema = storableJson(z.object(flowFields));

/** `PUT /flows/:id`: the whole flow plus the `version` it was read at. */
export const updateFlowSchema = storableJson(
  z.object({
    ...flowFields,
    version: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .optional()
      .meta({ description: 'The version this edit is based on; a stale or missing one answers 409' }),
  }),
);

export type CreateFlowBody = z.output<typeof createFlowSchema>;

/** `GET /flows` filters. */
export const listFlowsQuerySchema = z.object({
  search: queryText(200).optional().meta({ description: 'Matches the name, case-insensitively' }),
  ...pageQueryFields,
});

/** `GET /flows/:id/runs`. */
export const listFlowRunsQuerySchema = z.object({ ...pageQueryFields });

/** A flow as every route returns it. */
export const flowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()).meta({ 'x-doc-ref': 'ConnectorGraph' }),
  trigger_event: z
    .enum(TRIGGER_EVENTS)
    .meta({ description: "The trigger node's event (manual without a trigger node)" }),
  version: z.number().int(),
  problems: z
    .array(problemSchema)
    .meta({ description: 'What keeps the flow from running; empty when ready' }),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  last_run: z
    .object({
      id: z.uuid(),
      status: runStatusSchema,
      created_at: z.iso.datetime(),
      started_at: z.iso.datetime().nullable(),
      completed_at: z.iso.datetime().nullable(),
    })
    .nullable()
    .optional()
    .meta({ description: 'The newest run of the flow (lists only; null when it never ran)' }),
});
export const flowPageSchema = pageOf(flowSchema);

/** `POST /flows/:id/run`. */
export const runFlowBodySchema = z.object({
  contactId: z.string().trim().min(1).max(100).meta({ description: 'The contact the flow runs over' }),
});

/** `202` of `POST /flows/:id/run`. */
export const flowRunAcceptedSchema = z.object({ flowRunId: z.uuid() });

/** One node of a flow run, as `steps_executed` presents it (the shape of an execution's steps). */
export const flowStepSchema = z.object({
  step_id: z.string(),
  step_name: z.string(),
  step_type: z.string(),
  status: z.enum(['success', 'failed', 'skipped']),
  handle: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  duration_ms: z.number().nullable(),
  edge_values: z.record(z.string(), z.record(z.string(), z.unknown())),
  output: z.unknown(),
  error: stepErrorSchema.nullable(),
});

/** A child execution of a flow run (one per `connector` node that ran). */
export const flowRunExecutionSchema = z.object({
  id: z.uuid(),
  node_id: z.string().nullable(),
  connector_id: z.uuid(),
  status: runStatusSchema,
  execution_time_ms: z.number().int().nullable(),
});

/** A flow run; lists leave out `graph_snapshot` and `executions`. */
export const flowRunSchema = z.object({
  id: z.uuid(),
  flow_id: z.uuid(),
  contact_id: z.uuid().nullable(),
  status: runStatusSchema,
  trigger_event: z.enum(TRIGGER_EVENTS),
  flow_version: z.number().int().nullable(),
  bulk_run_id: z.uuid().nullable(),
  steps_executed: z.array(flowStepSchema),
  error_message: z.string().nullable(),
  created_at: z.iso.datetime(),
  started_at: z.iso.datetime().nullable(),
  completed_at: z.iso.datetime().nullable(),
  graph_snapshot: z.record(z.string(), z.unknown()).nullable().optional().meta({
    description: 'The flow graph the run started on',
  }),
  executions: z.array(flowRunExecutionSchema).optional(),
});
export const flowRunPageSchema = pageOf(flowRunSchema.omit({ graph_snapshot: true, executions: true }));
