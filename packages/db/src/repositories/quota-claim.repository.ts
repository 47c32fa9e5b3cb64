import { sql } from 'kysely';
import type { Executor } from '../database';
import type { ConnectorExecution } from '../tables/connector-execution.table';
import { type ClaimOptions, claimExecution } from './execution.repository';

/**
 * Like `claimExecutions`, but no workspace gets more than `perWorkspace` runs at once: one workspace's
 * burst of executions cannot take every slot while another's wait. The candidates are ranked per
 * workspace (oldest first) after the workspace's runs already holding a live lease, and only those within
 * the cap are claimed, each with the conditional `claimExecution` (a row another worker took in the
 * meantime is skipped). Exact for one worker; several workers claiming at the same instant may each
 * count the same running rows and overshoot the cap by their number, never by more.
 */
export async function claimExecutionsPerWorkspace(
  db: Executor,
  options: ClaimOptions & { limit: number; perWorkspace: number },
): Promise<ConnectorExecution[]> {
  const limit = Math.max(0, Math.floor(options.limit));
  if (limit === 0) return [];
  const maxAttempts = options.maxAttempts ?? 2_147_483_647;
  const candidates = await sql<{ id: string }>`
    WITH busy AS (
      SELECT workspace_id, count(*)::int AS running FROM connector_executions
      WHERE status = 'running' AND lease_expires_at >= now()
      GROUP BY workspace_id
    ), ranked AS (
      SELECT e.id, e.created_at,
        coalesce(b.running, 0)
          + row_number() OVER (PARTITION BY e.workspace_id ORDER BY e.created_at, e.id) AS slot
      FROM connector_executions e LEFT JOIN busy b ON b.workspace_id = e.workspace_id
      WHERE (e.status = 'pending' OR (e.status = 'running' AND e.lease_expires_at < now() AND e.attempt < ${maxAttempts}))
    )
    SELECT id FROM ranked WHERE slot <= ${options.perWorkspace}
    ORDER BY created_at, id LIMIT ${limit}`.execute(db);
  const claimed: ConnectorExecution[] = [];
  for (const { id } of candidates.rows) {
    const execution = await claimExecution(db, {
      executionId: id,
      workerId: options.workerId,
      leaseMs: options.leaseMs,
    });
    if (execution) claimed.push(execution);
  }
  return claimed;
}
