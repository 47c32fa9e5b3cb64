import { deleteExecutionsCreatedBefore, deleteExpiredSessions, type Executor } from '@connectors/db';
import type { AppConfig } from './config';

const HOUR = 60 * 60 * 1000;

/**
 * Housekeeping on a timer: executions older than `EXECUTIONS_RETENTION_DAYS` and expired sessions are
 * deleted once at start and then hourly. Failures are logged and retried at the next tick.
 */
export function startMaintenance(db: Executor, config: AppConfig): { stop(): void } {
  const sweep = async () => {
    try {
      const cutoff = new Date(Date.now() - config.retentionDays * 24 * HOUR);
      const executions = await deleteExecutionsCreatedBefore(db, cutoff);
      const sessions = await deleteExpiredSessions(db);
      if (executions + sessions > 0) {
        console.log(`[maintenance] deleted ${executions} old executions and ${sessions} expired sessions`);
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
