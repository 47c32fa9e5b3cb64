import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { jsonText } from '../sql/jsonb';
import type { NodeStatus } from '../tables/column-types';
import type { ExecutionNodeResult } from '../tables/execution-node-result.table';

/** The result of one node of one execution, recorded when the node finishes. */
export interface NodeResultInput {
  execution_id: string;
  workspace_id: string;
  node_id: string;
  node_name?: string | null;
  node_type: string;
  status: NodeStatus;
  handle?: string | null;
  started_at?: Date | null;
  finished_at?: Date | null;
  duration_ms?: number | null;
  attempts?: unknown[];
  edge_values?: Record<string, unknown>;
  output?: unknown;
  error?: unknown;
}

/** The columns of a node result besides its execution and workspace, in insert order. */
export const NODE_RESULT_COLUMNS = [
  'node_id',
  'node_name',
  'node_type',
  'status',
  'handle',
  'started_at',
  'finished_at',
  'duration_ms',
  'attempts',
  'edge_values',
  'output',
  'error',
] as const;
const COPIED_COLUMNS = NODE_RESULT_COLUMNS;

function typed(value: unknown, type: string) {
  return sql`cast(${value ?? null} as ${sql.raw(type)})`;
}

/**
 * The values of `input`'s `NODE_RESULT_COLUMNS` as statement parameters, in that order: nothing left
 * for SQL to decide, so a statement's text depends only on how many results it holds.
 */
export function nodeResultParams(input: NodeResultInput): unknown[] {
  return [
    input.node_id,
    input.node_name ?? null,
    input.node_type,
    input.status,
    input.handle ?? null,
    input.started_at ?? null,
    input.finished_at ?? null,
    input.duration_ms === undefined || input.duration_ms === null ? null : Math.round(input.duration_ms),
    jsonText(input.attempts ?? []),
    jsonText(input.edge_values ?? {}),
    jsonText(input.output),
    jsonText(input.error),
  ];
}

const COLUMN_TYPES = [
  'varchar',
  'text',
  'varchar',
  'varchar',
  'varchar',
  'timestamptz',
  'timestamptz',
  'integer',
  'jsonb',
  'jsonb',
  'jsonb',
  'jsonb',
] as const;

/** `nodeResultParams` as typed select items, in `NODE_RESULT_COLUMNS` order. */
export function nodeResultSelections(params: readonly unknown[]) {
  return NODE_RESULT_COLUMNS.map((column, i) => typed(params[i], COLUMN_TYPES[i] ?? 'text').as(column));
}

/** Any insert's expression builder, narrowed to what `resultRow` uses (it selects from its own table). */
export type RowBuilder = ExpressionBuilder<Database, never>;

/** The values of a result row, selected from its execution's row (which proves the workspace). */
function resultRow(eb: RowBuilder, input: NodeResultInput, lease?: { workerId: string; attempt: number }) {
  return resultRowOf(eb, input.execution_id, input.workspace_id, nodeResultParams(input), lease);
}

/** `resultRow` from parameters: the execution, the workspace and `nodeResultParams`. */
export function resultRowOf(
  eb: RowBuilder,
  executionId: unknown,
  workspaceId: unknown,
  params: readonly unknown[],
  lease?: { workerId: string; attempt: number },
) {
  return eb
    .selectFrom('connector_executions')
    .select(['id', 'workspace_id', ...nodeResultSelections(params)])
    .where('id', '=', executionId as string)
    .where('workspace_id', '=', workspaceId as string)
    .$if(lease !== undefined, (qb) =>
      qb
        .where('status', '=', 'running')
        .where('leased_by', '=', lease?.workerId ?? '')
        .where('attempt', '=', lease?.attempt ?? -1),
    );
}

/**
 * Records a node's result: one insert, never a rewrite. The first result for (execution, node) wins:
 * a second one (a resumed run re-recording a step) is ignored. Inserted only if the execution belongs
 * to `workspace_id` and, when `lease` is given, only while that worker still holds the run (a worker
 * that lost its lease cannot add results to the run another worker now owns).
 *
 * @returns true if this call inserted the row.
 */
export async function recordNodeResult(
  db: Executor,
  input: NodeResultInput,
  lease?: { workerId: string; attempt: number },
): Promise<boolean> {
  if (!isUuid(input.execution_id)) return false;
  const result = await db
    .insertInto('execution_node_results')
    .columns(['execution_id', 'workspace_id', ...COPIED_COLUMNS])
    .expression((eb) => resultRow(eb as RowBuilder, input, lease))
    .onConflict((oc) => oc.columns(['execution_id', 'node_id']).doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows !== undefined && result.numInsertedOrUpdatedRows > 0n;
}

/** The node results of an execution of the workspace, in the order the nodes finished. */
export async function listNodeResults(
  db: Executor,
  workspaceId: string,
  executionId: string,
): Promise<ExecutionNodeResult[]> {
  if (!isUuid(executionId)) return [];
  return db
    .selectFrom('execution_node_results')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('execution_id', '=', executionId)
    .orderBy('seq')
    .execute();
}

/**
 * "Retry from the failed step": copies the results of `nodeIds` from one execution to another of the
 * same workspace, keeping their order; nodes the target already has are skipped.
 *
 * @returns how many rows were copied.
 */
export async function copyNodeResults(
  db: Executor,
  input: { workspaceId: string; fromExecutionId: string; toExecutionId: string; nodeIds: string[] },
): Promise<number> {
  if (input.nodeIds.length === 0 || !isUuid(input.fromExecutionId) || !isUuid(input.toExecutionId)) return 0;
  const result = await db
    .insertInto('execution_node_results')
    .columns(['execution_id', 'workspace_id', ...COPIED_COLUMNS])
    .expression((eb) =>
      eb
        .selectFrom('execution_node_results as r')
        .innerJoin('connector_executions as target', (join) =>
          join.on('target.id', '=', input.toExecutionId).on('target.workspace_id', '=', input.workspaceId),
        )
        .select(['target.id', 'target.workspace_id', ...COPIED_COLUMNS.map((c) => `r.${c}` as const)])
        .where('r.workspace_id', '=', input.workspaceId)
        .where('r.execution_id', '=', input.fromExecutionId)
        .where('r.node_id', 'in', input.nodeIds)
        .orderBy('r.seq'),
    )
    .onConflict((oc) => oc.columns(['execution_id', 'node_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
