import { sql } from 'kysely';
import type { Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { leaseExpiredNow } from '../sql/lease';
import type { RunStatus } from '../tables/column-types';
import type { ConnectorExecution } from '../tables/connector-execution.table';
import type { LeaseToken } from './execution.repository';

/** What a poller needs to know about a run without loading its graph snapshot. */
export interface ExecutionState {
  status: RunStatus;
  attempt: number;
  leased_by: string | null;
  completed_at: Date | null;
}

/**
 * Gives a lease back early (a worker shutting down): the run stays `running` with a lease that has
 * already expired, so the next claim — by any worker — resumes it at once instead of waiting out the
 * lease. False when the caller no longer held it.
 */
export async function releaseExecutionLease(db: Executor, lease: LeaseToken): Promise<boolean> {
  if (!isUuid(lease.executionId)) return false;
  const result = await db
    .updateTable('connector_executions')
    .set({
      lease_expires_at: leaseExpiredNow(),
      current_step: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', lease.executionId)
    .where('status', '=', 'running')
    .where('leased_by', '=', lease.workerId)
    .where('attempt', '=', lease.attempt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Expires every running lease. Only for a database one process owns (PGlite): at start no other worker
 * can be alive, so runs left `running` by a crash resume at once instead of after their lease.
 * Returns how many.
 */
export async function expireAllExecutionLeases(db: Executor): Promise<number> {
  const result = await db
    .updateTable('connector_executions')
    .set({ lease_expires_at: leaseExpiredNow() })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The workspace's execution created with this `Idempotency-Key`, if any. */
export async function findExecutionByIdempotencyKey(
  db: Executor,
  workspaceId: string,
  key: string,
): Promise<ConnectorExecution | undefined> {
  return db
    .selectFrom('connector_executions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Status and lease of an execution by id alone (the runner and event streams poll it). Not scoped:
 * never call it with an id from a request that was not checked against the workspace first.
 */
export async function getExecutionState(db: Executor, id: string): Promise<ExecutionState | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('connector_executions')
    .select(['status', 'attempt', 'leased_by', 'completed_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Vacuums the tables every run updates (its execution row several times, its contact, its connector's
 * counters) and, with `analyze`, refreshes the planner's statistics of those and of the node results.
 * Only for PGlite, which runs no autovacuum and so never analyzes either: without the vacuum the dead row
 * versions pile up and every claim walks past the index entries of all runs ever claimed; without
 * statistics the planner cannot tell a primary key lookup from a workspace-wide one (it found a node
 * result's execution through the workspace's index, reading every run of the workspace). PGlite is one
 * connection, so every other statement waits meanwhile: the analyze (the longer part, ~0.2 s with a few
 * thousand runs) is asked for only now and then. PostgreSQL's autovacuum does both by itself. Cannot
 * run inside a transaction.
 */
export async function vacuumRunTables(db: Executor, options: { analyze?: boolean } = {}): Promise<void> {
  if (options.analyze) {
    await sql`VACUUM (ANALYZE) connector_executions, execution_node_results, contacts, connectors`.execute(
      db,
    );
  } else {
    await sql`VACUUM connector_executions, contacts, connectors`.execute(db);
  }
}
