import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { leaseUntil } from '../sql/lease';
import type { ConnectorExecution } from '../tables/connector-execution.table';

/*
 * Who runs which execution: workers claim pending executions (and running ones whose lease expired)
 * with conditional updates, and runs that keep killing their worker are failed. The execution record
 * itself (create, read, finish, cancel) is in `execution.repository.ts`.
 */

type ExecutionEb = ExpressionBuilder<Database, 'connector_executions'>;

/** What a worker needs to take a lease. */
export interface ClaimOptions {
  workerId: string;
  leaseMs: number;
  /** Expired runs already claimed this many times are left for `failExhaustedExecutions`. */
  maxAttempts?: number;
}

/** Pending, or running with an expired lease (its worker is presumed dead). */
function claimable(eb: ExecutionEb) {
  return eb.or([
    eb('status', '=', 'pending'),
    eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', sql<Date>`now()`)]),
  ]);
}

function leaseSet(eb: ExecutionEb, workerId: string, leaseMs: number) {
  return {
    status: 'running' as const,
    leased_by: workerId,
    lease_expires_at: leaseUntil(leaseMs),
    attempt: eb('attempt', '+', 1),
    started_at: sql<Date>`coalesce(started_at, now())`,
    updated_at: sql<Date>`now()`,
  };
}

/**
 * Takes up to `limit` of the oldest claimable executions (pending, or running with an expired lease) in
 * ONE statement: each is set `running`, leased to `workerId` for `leaseMs`, `attempt + 1`.
 * `FOR UPDATE SKIP LOCKED` lets concurrent workers take different rows instead of queueing on the same
 * ones (on PGlite, with one connection, claims are simply serial). A worker with several free slots
 * fills them with one round trip instead of one per run. Not scoped by workspace: workers serve every
 * workspace.
 *
 * @returns the claimed executions, oldest first (each one's `attempt` is its lease token); empty if
 * none is waiting.
 */
export async function claimExecutions(
  db: Executor,
  options: ClaimOptions & { limit: number },
): Promise<ConnectorExecution[]> {
  const limit = Math.max(0, Math.floor(options.limit));
  if (limit === 0) return [];
  const maxAttempts = options.maxAttempts;
  // Two index scans rather than one OR: each walks its partial index in order and stops after `limit`
  // live rows, and (unlike the bitmap scan an OR needs) marks the entries of finished runs dead as it
  // passes them, so the claim stays as cheap after a million runs as after ten.
  const claimed = await db
    .with('pending_next', (qb) =>
      qb
        .selectFrom('connector_executions')
        .select(['id', 'created_at'])
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .with('expired_next', (qb) =>
      qb
        .selectFrom('connector_executions')
        .select(['id', 'created_at'])
        .where('status', '=', 'running')
        .where('lease_expires_at', '<', sql<Date>`now()`)
        .$if(maxAttempts !== undefined, (q) => q.where('attempt', '<', maxAttempts ?? 0))
        .orderBy('lease_expires_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .with('next', (qb) =>
      qb
        .selectFrom('pending_next')
        .select(['id', 'created_at'])
        .unionAll(qb.selectFrom('expired_next').select(['id', 'created_at']))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit),
    )
    .updateTable('connector_executions')
    .from('next')
    .set((eb) => leaseSet(eb, options.workerId, options.leaseMs))
    .whereRef('connector_executions.id', '=', 'next.id')
    .where(claimable)
    .returningAll('connector_executions')
    .execute();
  // RETURNING has no order of its own.
  return claimed.sort(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * `claimExecutions` under a per-workspace cap, still ONE statement: no workspace gets more than
 * `perWorkspace` runs at once (counting its runs that hold a live lease), so one workspace's burst
 * cannot take every slot while another's wait. Candidates are ranked per workspace, oldest first;
 * rows another worker holds are skipped (`SKIP LOCKED`). Several workers claiming at the same instant
 * may each count the same running rows and overshoot the cap by their number, never by more.
 *
 * @returns the claimed executions, oldest first, and `heldBack`: whether claimable runs were left
 * waiting because of the cap (undefined when nothing was claimed: the statement then cannot tell).
 */
export async function claimExecutionsCapped(
  db: Executor,
  options: ClaimOptions & { limit: number; perWorkspace: number },
): Promise<{ claimed: ConnectorExecution[]; heldBack: boolean | undefined }> {
  const limit = Math.max(0, Math.floor(options.limit));
  if (limit === 0) return { claimed: [], heldBack: undefined };
  const maxAttempts = options.maxAttempts ?? 2_147_483_647;
  const cap = Math.max(1, Math.floor(options.perWorkspace));
  // `busy` is MATERIALIZED: inlined, the planner may join it in a nested loop and count the running
  // rows again for every candidate (5 ms instead of 1 on PGlite with 90 waiting).
  const { rows } = await sql<ConnectorExecution & { held_back: number }>`
    WITH busy AS MATERIALIZED (
      SELECT workspace_id, count(*)::int AS running FROM connector_executions
      WHERE status = 'running' AND lease_expires_at >= now()
      GROUP BY workspace_id
    ), ranked AS (
      SELECT e.id, e.created_at,
        coalesce(b.running, 0)
          + row_number() OVER (PARTITION BY e.workspace_id ORDER BY e.created_at, e.id) AS slot
      FROM connector_executions e LEFT JOIN busy b ON b.workspace_id = e.workspace_id
      WHERE e.status = 'pending'
        OR (e.status = 'running' AND e.lease_expires_at < now() AND e.attempt < ${maxAttempts})
    ), next AS (
      SELECT id FROM connector_executions
      WHERE id IN (SELECT id FROM ranked WHERE slot <= ${cap} ORDER BY created_at, id LIMIT ${limit})
      FOR UPDATE SKIP LOCKED
    )
    UPDATE connector_executions SET
      status = 'running',
      leased_by = ${options.workerId},
      lease_expires_at = ${leaseUntil(options.leaseMs)},
      attempt = attempt + 1,
      started_at = coalesce(started_at, now()),
      updated_at = now()
    FROM next
    WHERE connector_executions.id = next.id
      AND (connector_executions.status = 'pending'
        OR (connector_executions.status = 'running' AND connector_executions.lease_expires_at < now()))
    RETURNING connector_executions.*, (SELECT count(*)::int FROM ranked WHERE slot > ${cap}) AS held_back`.execute(
    db,
  );
  const claimed = rows
    .map(({ held_back: _, ...execution }) => execution as ConnectorExecution)
    .sort(
      (a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return { claimed, heldBack: rows.length === 0 ? undefined : Number(rows[0]?.held_back ?? 0) > 0 };
}

/**
 * Takes the oldest claimable execution (see `claimExecutions`).
 *
 * @returns the claimed execution (its `attempt` is the lease token), or undefined if none is waiting.
 */
export async function claimNextExecution(
  db: Executor,
  options: ClaimOptions,
): Promise<ConnectorExecution | undefined> {
  return (await claimExecutions(db, { ...options, limit: 1 }))[0];
}

/**
 * Takes one given execution if it is claimable (the Trigger.dev task, which is handed its id). A
 * conditional update: of two concurrent claims only one matches.
 */
export async function claimExecution(
  db: Executor,
  options: ClaimOptions & { executionId: string },
): Promise<ConnectorExecution | undefined> {
  if (!isUuid(options.executionId)) return undefined;
  return db
    .updateTable('connector_executions')
    .set((eb) => leaseSet(eb, options.workerId, options.leaseMs))
    .where('id', '=', options.executionId)
    .where(claimable)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Fails the runs whose lease expired after `maxAttempts` claims (a run that keeps killing its worker),
 * so they stop being retried. System-wide; returns how many.
 */
export async function failExhaustedExecutions(db: Executor, maxAttempts: number): Promise<number> {
  const result = await db
    .updateTable('connector_executions')
    .set({
      status: 'failed',
      error_message: sql<string>`'The run was abandoned by its worker ' || attempt || ' times'`,
      completed_at: sql<Date>`now()`,
      lease_expires_at: null,
      updated_at: sql<Date>`now()`,
    })
    .where('status', '=', 'running')
    .where('lease_expires_at', '<', sql<Date>`now()`)
    .where('attempt', '>=', maxAttempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
