import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { keysetPage } from '../pagination/keyset-query';
import { isUuid } from '../sql/is-uuid';
import { jsonb } from '../sql/jsonb';
import { leaseExpiredNow, leaseUntil } from '../sql/lease';
import type { FlowTriggerEvent, RunStatus } from '../tables/column-types';
import type { FlowRun } from '../tables/flow-run.table';

/** A new flow run (created `pending`). */
export interface CreateFlowRunInput {
  flow_id: string;
  contact_id?: string | null;
  trigger_event?: FlowTriggerEvent;
  flow_version?: number | null;
  bulk_run_id?: string | null;
  /** The flow graph to run (default: the flow's graph now). */
  graph_snapshot?: unknown;
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
    .select(['id', 'version', 'config'])
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
      bulk_run_id: input.bulk_run_id ?? null,
      graph_snapshot: jsonb(input.graph_snapshot === undefined ? flow.config : input.graph_snapshot),
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

/** Proof of a flow run lease: the worker and the attempt number its claim returned. */
export interface FlowRunLease {
  flowRunId: string;
  workerId: string;
  attempt: number;
}

/** The run is still `running` under this lease (same worker, same attempt). */
function heldBy(eb: ExpressionBuilder<Database, 'flow_runs'>, lease: FlowRunLease) {
  return eb.and([
    eb('id', '=', lease.flowRunId),
    eb('status', '=', 'running'),
    eb('leased_by', '=', lease.workerId),
    eb('attempt', '=', lease.attempt),
  ]);
}

/**
 * Takes the oldest claimable flow run (pending, or running with an expired lease: its worker died) for
 * the local worker: `running`, leased to `workerId` for `leaseMs`, `attempt + 1`. `SKIP LOCKED` lets
 * concurrent workers take different runs. Not scoped by workspace: workers serve every workspace.
 * Flow runs dispatched to Trigger.dev are never claimed here: the local worker only runs when
 * Trigger.dev is not configured.
 */
export async function claimNextFlowRun(
  db: Executor,
  options: { workerId: string; leaseMs: number },
): Promise<FlowRun | undefined> {
  return db
    .updateTable('flow_runs')
    .set((eb) => ({
      status: 'running' as const,
      leased_by: options.workerId,
      lease_expires_at: leaseUntil(options.leaseMs),
      attempt: eb('attempt', '+', 1),
      started_at: sql<Date>`coalesce(started_at, now())`,
      updated_at: sql<Date>`now()`,
    }))
    .where(
      'id',
      '=',
      db
        .selectFrom('flow_runs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('status', '=', 'pending'),
            eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', sql<Date>`now()`)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Extends a flow run lease; false when the caller no longer holds it (or the run ended). */
export async function renewFlowRunLease(
  db: Executor,
  lease: FlowRunLease,
  leaseMs: number,
): Promise<boolean> {
  if (!isUuid(lease.flowRunId)) return false;
  const result = await db
    .updateTable('flow_runs')
    .set({ lease_expires_at: leaseUntil(leaseMs) })
    .where((eb) => heldBy(eb, lease))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives a lease back early (a worker stopping): the next claim resumes the run at once. */
export async function releaseFlowRunLease(db: Executor, lease: FlowRunLease): Promise<boolean> {
  if (!isUuid(lease.flowRunId)) return false;
  const result = await db
    .updateTable('flow_runs')
    .set({ lease_expires_at: leaseExpiredNow() })
    .where((eb) => heldBy(eb, lease))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Expires every running flow run lease held by a local worker. Only for a database one process owns
 * (PGlite): at start no other worker is alive, so runs left `running` by a crash resume at once.
 */
export async function expireAllFlowRunLeases(db: Executor): Promise<number> {
  const result = await db
    .updateTable('flow_runs')
    .set({ lease_expires_at: leaseExpiredNow() })
    .where('status', '=', 'running')
    .where('leased_by', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
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
  const rows = await keysetPage(query, options.cursor, limit).execute();
  return toPage(rows, limit);
}

/** The column values for `changes` (the steps stored as JSON), stamped `updated_at` now. */
function changeSet(changes: FlowRunChanges) {
  const { steps_executed, ...rest } = changes;
  return {
    ...rest,
    ...(steps_executed === undefined ? {} : { steps_executed: jsonb(steps_executed) }),
    updated_at: sql<Date>`now()`,
  };
}

/** Updates a flow run of the workspace; undefined if there is none. */
export async function updateFlowRun(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: FlowRunChanges,
): Promise<FlowRun | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .updateTable('flow_runs')
    .set(changeSet(changes))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Flow runs still `pending` that were created more than `olderThanMs` ago, oldest first, across
 * workspaces: their dispatch to Trigger.dev failed (or was lost), so the dispatcher's sweep sends them
 * again (the flow run id is the idempotency key, so one already started is not started twice).
 */
export async function listStalePendingFlowRuns(
  db: Executor,
  options: { olderThanMs: number; limit: number },
): Promise<{ id: string; workspace_id: string }[]> {
  return db
    .selectFrom('flow_runs')
    .select(['id', 'workspace_id'])
    .where('status', '=', 'pending')
    .where('created_at', '<=', new Date(Date.now() - Math.max(0, options.olderThanMs)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit)
    .execute();
}

/**
 * The time a flow run's delay node is due: the one stored by an earlier attempt, or `now + seconds`,
 * stored now (so a resumed run waits only what is left).
 */
export async function delayDueAt(
  db: Executor,
  workspaceId: string,
  flowRunId: string,
  nodeId: string,
  seconds: number,
): Promise<Date> {
  const proposed = new Date(Date.now() + Math.max(0, seconds) * 1000).toISOString();
  const row = await db
    .updateTable('flow_runs')
    .set({
      delays: sql`case when delays ? ${nodeId} then delays else delays || jsonb_build_object(${nodeId}::text, ${proposed}::text) end`,
      updated_at: sql<Date>`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', flowRunId)
    .returning('delays')
    .executeTakeFirst();
  const due = row?.delays?.[nodeId];
  return new Date(due ?? proposed);
}

/** The newest run of a flow, as the flows list shows it. */
export interface LatestFlowRun {
  id: string;
  flow_id: string;
  status: RunStatus;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

/**
 * The newest run of each of the given flows of the workspace, keyed by flow id (flows never run are
 * absent). One query for a whole page of flows: `DISTINCT ON` walks `flow_runs_flow_created_idx`.
 */
export async function latestFlowRuns(
  db: Executor,
  workspaceId: string,
  flowIds: string[],
): Promise<Map<string, LatestFlowRun>> {
  const ids = flowIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('flow_runs')
    .distinctOn('flow_id')
    .select(['id', 'flow_id', 'status', 'created_at', 'started_at', 'completed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('flow_id', 'in', ids)
    .orderBy('flow_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.flow_id, row]));
}

/**
 * Cancels a flow run of the workspace that has not ended (`pending` or `running`): `cancelled`, completed
 * now, its lease dropped so no worker claims it again.
 * @returns the cancelled run; a run that had already ended comes back unchanged (the caller answers
 * 409); undefined when the workspace has no such run.
 */
export async function cancelFlowRun(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<FlowRun | undefined> {
  if (!isUuid(id)) return undefined;
  const cancelled = await db
    .updateTable('flow_runs')
    .set({
      status: 'cancelled',
      completed_at: sql<Date>`now()`,
      lease_expires_at: null,
      updated_at: sql<Date>`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'running'])
    .returningAll()
    .executeTakeFirst();
  return cancelled ?? getFlowRun(db, workspaceId, id);
}

/**
 * Updates a flow run only while it has not ended (`pending` or `running`): a cancel made meanwhile wins
 * over the runner's writes. @returns the updated run, or undefined when it had ended (or does not exist).
 */
export async function updateUnfinishedFlowRun(
  db: Executor,
  workspaceId: string,
  id: string,
  changes: FlowRunChanges,
): Promise<FlowRun | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .updateTable('flow_runs')
    .set(changeSet(changes))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'running'])
    .returningAll()
    .executeTakeFirst();
}

/**
 * Retention (`EXECUTIONS_RETENTION_DAYS`): deletes flow runs that ended and were created before
 * `cutoff`, across workspaces. A run still referenced by a child execution is kept until that child is
 * deleted in turn (children are a little younger than their run), so an execution never loses the link
 * to its flow run while both exist; the next sweep takes it.
 * @returns how many flow runs were deleted.
 */
export async function deleteFlowRunsCreatedBefore(db: Executor, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('flow_runs')
    .where('created_at', '<', cutoff)
    .where('status', 'not in', ['pending', 'running'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('connector_executions')
            .select(sql`1`.as('one'))
            .whereRef('connector_executions.flow_run_id', '=', 'flow_runs.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
