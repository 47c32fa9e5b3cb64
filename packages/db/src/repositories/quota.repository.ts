import { sql } from 'kysely';
import type { Executor } from '../database';

/** The answer to "may this workspace start one more execution in this window?". */
export interface QuotaDecision {
  allowed: boolean;
  /** Executions counted in the current window, this one included when allowed. */
  used: number;
  /** Milliseconds until the current window ends (when a refused caller may try again). */
  resetInMs: number;
}

export interface QuotaOptions {
  limit: number;
  /** The window's length (default one minute); windows start at multiples of it since the epoch. */
  windowMs?: number;
}

/**
 * Takes one unit of the workspace's execution quota, atomically: one `INSERT … ON CONFLICT DO UPDATE …
 * WHERE` that starts a new window, or adds one to the current window's count only while it is under
 * `limit`. PostgreSQL locks the row for the update, so concurrent callers (in any number of API
 * processes) are counted one after another and exactly `limit` succeed per window. The window is read
 * from the database's clock, so processes with skewed clocks still share it.
 */
export async function takeExecutionQuota(
  db: Executor,
  workspaceId: string,
  options: QuotaOptions,
): Promise<QuotaDecision> {
  const windowSeconds = (options.windowMs ?? 60_000) / 1000;
  const window = sql<Date>`to_timestamp(floor(extract(epoch from clock_timestamp()) / ${windowSeconds}) * ${windowSeconds})`;
  const taken = await sql<{ used: number; reset_ms: number }>`
    INSERT INTO workspace_execution_quotas AS q (workspace_id, window_start, used)
    VALUES (${workspaceId}, ${window}, 1)
    ON CONFLICT (workspace_id) DO UPDATE
      SET used = CASE WHEN q.window_start = excluded.window_start THEN q.used + 1 ELSE 1 END,
          window_start = excluded.window_start
      WHERE q.window_start <> excluded.window_start OR q.used < ${options.limit}
    RETURNING used,
      (extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - clock_timestamp())) * 1000)::float8 AS reset_ms`.execute(
    db,
  );
  const row = taken.rows[0];
  if (row) return { allowed: true, used: row.used, resetInMs: Math.max(0, row.reset_ms) };
  const current = await sql<{ used: number; reset_ms: number }>`
    SELECT used,
      (extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - clock_timestamp())) * 1000)::float8 AS reset_ms
    FROM workspace_execution_quotas WHERE workspace_id = ${workspaceId}`.execute(db);
  const state = current.rows[0];
  return { allowed: false, used: state?.used ?? options.limit, resetInMs: Math.max(0, state?.reset_ms ?? 0) };
}

/**
 * Gives back one unit taken in the current window (a request that turned out to be an idempotent replay).
 * A unit taken in a window that has since ended is not given back: that window's count no longer matters.
 */
export async function returnExecutionQuota(
  db: Executor,
  workspaceId: string,
  options: Pick<QuotaOptions, 'windowMs'> = {},
): Promise<void> {
  const windowSeconds = (options.windowMs ?? 60_000) / 1000;
  await sql`
    UPDATE workspace_execution_quotas SET used = used - 1
    WHERE workspace_id = ${workspaceId} AND used > 0
      AND window_start = to_timestamp(floor(extract(epoch from clock_timestamp()) / ${windowSeconds}) * ${windowSeconds})`.execute(
    db,
  );
}
