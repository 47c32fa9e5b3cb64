import { sql } from 'kysely';
import type { Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { jsonb } from '../sql/jsonb';
import type { BulkRun, BulkRunKind } from '../tables/bulk-run.table';

/** A bulk run without its (possibly long) list of contacts: what status reads and the runner need. */
export type BulkRunSummary = Omit<BulkRun, 'contact_ids'>;

const SUMMARY_COLUMNS = [
  'id',
  'workspace_id',
  'kind',
  'target_id',
  'status',
  'total',
  'queued',
  'skipped',
  'created_by',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

/** A new bulk run over a fixed list of contacts. */
export interface CreateBulkRunInput {
  kind: BulkRunKind;
  target_id: string;
  contact_ids: string[];
  created_by?: string | null;
}

/** How a bulk run's items are doing, counted from the items themselves. */
export interface BulkRunProgress {
  succeeded: number;
  failed: number;
  /** Items that ended, whatever their status. */
  finished: number;
  /** Contact fields the items changed (each field of each write counts once). */
  fields_changed: number;
}

/** Creates a running bulk run; nothing is handed out yet (`queued` 0). */
export async function createBulkRun(
  db: Executor,
  workspaceId: string,
  input: CreateBulkRunInput,
): Promise<BulkRun> {
  return db
    .insertInto('bulk_runs')
    .values({
      workspace_id: workspaceId,
      kind: input.kind,
      target_id: input.target_id,
      contact_ids: jsonb(input.contact_ids),
      total: input.contact_ids.length,
      created_by: input.created_by ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A bulk run of the workspace; undefined for another workspace's id. */
export async function getBulkRun(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<BulkRun | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('bulk_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Running bulk runs of every workspace, oldest first: what the dispatcher (re)takes at start. */
export async function listRunningBulkRuns(db: Executor, limit = 100): Promise<BulkRunSummary[]> {
  return db
    .selectFrom('bulk_runs')
    .select(SUMMARY_COLUMNS)
    .where('status', '=', 'running')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** `count` contact ids of a bulk run from position `from` (0-based), read inside the database. */
export async function bulkRunContactSlice(
  db: Executor,
  id: string,
  from: number,
  count: number,
): Promise<string[]> {
  const rows = await sql<{ contact_id: string }>`
    SELECT t.contact_id FROM bulk_runs b,
      jsonb_array_elements_text(b.contact_ids) WITH ORDINALITY AS t(contact_id, position)
    WHERE b.id = ${id} AND t.position > ${from} AND t.position <= ${from + count}
    ORDER BY t.position`.execute(db);
  return rows.rows.map((row) => row.contact_id);
}

/**
 * Moves the resume point from `from` to `to` after the items in between were created and dispatched,
 * adding the contacts among them that could not run to `skipped`. Conditional on `queued` still being
 * `from`, so two processes never count one slice twice.
 */
export async function advanceBulkRun(
  db: Executor,
  id: string,
  from: number,
  to: number,
  skipped: number,
): Promise<boolean> {
  const result = await db
    .updateTable('bulk_runs')
    .set((eb) => ({
      queued: to,
      skipped: eb('skipped', '+', skipped),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .where('queued', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends a bulk run whose items all ended; false if it had already ended. */
export async function completeBulkRun(db: Executor, id: string): Promise<boolean> {
  const result = await db
    .updateTable('bulk_runs')
    .set({ status: 'completed', completed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Counts a bulk run's items by outcome, and the contact fields they changed. */
export async function bulkRunProgress(db: Executor, bulkRun: BulkRunSummary): Promise<BulkRunProgress> {
  const items = bulkRun.kind === 'connector' ? 'connector_executions' : 'flow_runs';
  const counts = await db
    .selectFrom(items)
    .select([
      sql<string>`count(*) filter (where status in ('success', 'partial'))`.as('succeeded'),
      sql<string>`count(*) filter (where status in ('failed', 'timeout', 'cancelled'))`.as('failed'),
    ])
    .where('workspace_id', '=', bulkRun.workspace_id)
    .where('bulk_run_id', '=', bulkRun.id)
    .executeTakeFirstOrThrow();
  const itemColumn = bulkRun.kind === 'connector' ? 'execution_id' : 'flow_run_id';
  const changed = await db
    .selectFrom('contact_changes')
    .select(sql<string>`coalesce(sum(jsonb_array_length(changes)), 0)`.as('fields'))
    .where('workspace_id', '=', bulkRun.workspace_id)
    .where(itemColumn, 'in', db.selectFrom(items).select('id').where('bulk_run_id', '=', bulkRun.id))
    .executeTakeFirstOrThrow();
  const succeeded = Number(counts.succeeded);
  const failed = Number(counts.failed) + bulkRun.skipped;
  return {
    succeeded,
    failed,
    finished: succeeded + failed,
    fields_changed: Number(changed.fields),
  };
}

/** The flow run a bulk run already made for a contact (a slice re-run after a crash finds it). */
export async function findBulkFlowRun(
  db: Executor,
  bulkRunId: string,
  contactId: string,
): Promise<{ id: string; workspace_id: string; status: string } | undefined> {
  return db
    .selectFrom('flow_runs')
    .select(['id', 'workspace_id', 'status'])
    .where('bulk_run_id', '=', bulkRunId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
}

/** Tags an execution as an item of a bulk run. */
export async function tagExecutionWithBulkRun(
  db: Executor,
  executionId: string,
  bulkRunId: string,
): Promise<void> {
  await db
    .updateTable('connector_executions')
    .set({ bulk_run_id: bulkRunId })
    .where('id', '=', executionId)
    .execute();
}

/**
 * Retention (`EXECUTIONS_RETENTION_DAYS`): deletes completed bulk runs created before `cutoff`, across
 * workspaces, once none of their executions or flow runs remain (those are deleted first, by the same
 * retention), so a kept run never loses its bulk run.
 * @returns how many bulk runs were deleted.
 */
export async function deleteBulkRunsCreatedBefore(db: Executor, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('bulk_runs')
    .where('created_at', '<', cutoff)
    .where('status', '=', 'completed')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('connector_executions')
            .select(sql`1`.as('one'))
            .whereRef('connector_executions.bulk_run_id', '=', 'bulk_runs.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('flow_runs')
            .select(sql`1`.as('one'))
            .whereRef('flow_runs.bulk_run_id', '=', 'bulk_runs.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
