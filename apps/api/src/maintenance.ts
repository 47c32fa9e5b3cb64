import {
  deleteBulkRunsCreatedBefore,
  deleteExecutionsCreatedBefore,
  deleteExpiredSessions,
  deleteFlowRunsCreatedBefore,
  type Executor,
} from '@connectors/db';
import type { AppConfig } from './config';

const HOUR = 60 * 60 * 1000;

/** What one sweep deleted. */
export interface SweepResult {
  executions: number;
  flowRuns: number;
  bulkRuns: number;
  sessions: number;
}

/**
 * One housekeeping pass: finished executions, flow runs and bulk runs created more than
 * `retentionDays` ago, and expired sessions. Children go first — executions, then the flow runs no
 * execution points at any more, then the bulk runs nothing points at — so no kept row loses its link;
 * a run whose child is a little younger than the cutoff goes at a later sweep.
 */
export async function sweepOnce(
  db: Executor,
  config: Pick<AppConfig, 'retentionDays'>,
  now = Date.now(),
): Promise<SweepResult> {
  const cutoff = new Date(now - config.retentionDays * 24 * HOUR);
  const executions = await deleteExecutionsCreatedBefore(db, cutoff);
  const flowRuns = await deleteFlowRunsCreatedBefore(db, cutoff);
  const bulkRuns = await deleteBulkRunsCreatedBefore(db, cutoff);
  const sessions = await deleteExpiredSessions(db);
  return { executions, flowRuns, bulkRuns, sessions };
}

/**
 * Housekeeping on a timer (`sweepOnce`) once at start and then hourly. Failures are logged and retried
 * at the next tick.
 */
export function startMaintenance(db: Executor, config: AppConfig): { stop(): void } {
  const sweep = async () => {
    try {
      const done = await sweepOnce(db, config);
      if (done.executions + done.flowRuns + done.bulkRuns + done.sessions > 0) {
        console.log(
          `[maintenance] deleted ${done.executions} old executions, ${done.flowRuns} old flow runs, ${done.bulkRuns} old bulk runs and ${done.sessions} expired sessions`,
        );
      }
    } catch (err) {
      console.error(`[maintenance] sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), HOUR);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
