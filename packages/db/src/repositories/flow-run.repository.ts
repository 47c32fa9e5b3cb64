import { sql } from 'kysely';
import type { Executor } from '../database';
import { decodeCursor, type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { isUuid } from '../sql/is-uuid';
import { jsonb } from '../sql/jsonb';
import type { FlowTriggerEvent, RunStatus } from '../tables/column-types';
import type { FlowRun } from '../tables/flow-run.table';

/** A new flow run (created `pending`). */
export interface CreateFlowRunInput {
  flow_id: string;
  contact_id?: string | null;
  trigger_event?: FlowTriggerEvent;
  flow_version?: number | null;
}

/** Fields a runner may change on a flow run. */
export interface FlowRunChanges {
  status?: RunStatus;
  steps_executed?: unknown[];
  error_message?: string | null;
  started_at?: Date | null;
  completed_at?: Date | null;
}

/**
 * Creates a pending run of a flow of the workspace.
 * @returns the run, or undefined when the workspace has no such flow.
 */
export async function createFlowRun(
  db: Executor,
  workspaceId: string,
  input: CreateFlowRunInput,
): Promise<FlowRun | undefined> {
  if (!isUuid(input.flow_id)) return undefined;
  const flow = await db
    .selectFrom('flows')
    .select(['id', 'version'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', input.flow_id)
    .executeTakeFirst();
  if (!flow) return undefined;
  return db
    .insertInto('flow_runs')
    .values({
      workspace_id: workspaceId,
      flow_id: flow.id,
      contact_id: input.contact_id ?? null,
      trigger_event: input.trigger_event ?? 'manual',
      flow_version: input.flow_version ?? flow.version,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A flow run of the workspace; undefined for another workspace's id. */
export async function getFlowRun(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<FlowRun | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('flow_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The workspace's flow runs (of one flow, if given), newest first, a page at a time. */
export async function listFlowRuns(
  db: Executor,
  workspaceId: string,
  options: PageOptions & { flowId?: string } = {},
): Promise<Page<FlowRun>> {
  const limit = pageSize(options.limit);
  let query = db.selectFrom('flow_runs').selectAll().where('workspace_id', '=', workspaceId);
  if (options.flowId !== undefined) {
    if (!isUuid(options.flowId)) return { data: [], nextCursor: null };
    query = query.where('flow_id', '=', options.flowId);
  }
  if (options.cursor) {
    const after = decodeCursor(options.cursor);
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit);
}

/** Updates a flow run of the workspace; undefined if there is none. */
export async function updateFlowRun(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: FlowRunChanges,
): Promise<FlowRun | undefined> {
  if (!isUuid(id)) return undefined;
  const { steps_executed, ...rest } = changes;
  return db
    .updateTable('flow_runs')
    .set({
      ...rest,
      ...(steps_executed === undefined ? {} : { steps_executed: jsonb(steps_executed) }),
      updated_at: sql<Date>`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
