import { type Executor, getExecutionState, type LeaseToken, renewExecutionLease } from '@connectors/db';
import type { StopKind } from './run-interrupt';
import type { RunnerLogger } from './runner-deps';

/** Renewals happen at least this often, so a cancel from another process is seen within seconds. */
const MAX_RENEW_INTERVAL_MS = 5_000;

/**
 * Keeps a run's lease alive while it runs: renews it every third of `leaseMs` (at most every 5 s). When
 * a renewal finds the lease gone, tells `onLost` whether the run was cancelled (the API set the row
 * `cancelled`) or taken over by another worker, and stops. A database hiccup is logged and retried at
 * the next tick: the lease only runs out if the database stays away for a whole lease.
 */
export function startLeaseKeeper(options: {
  db: Executor;
  lease: LeaseToken;
  leaseMs: number;
  logger: RunnerLogger;
  onLost(kind: Extract<StopKind, 'cancel' | 'lease_lost'>): void;
}): { stop(): void } {
  const { db, lease, leaseMs, logger } = options;
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      if (await renewExecutionLease(db, { ...lease, leaseMs })) return;
      if (stopped) return;
      const state = await getExecutionState(db, lease.executionId);
      stop();
      options.onLost(state?.status === 'cancelled' ? 'cancel' : 'lease_lost');
    } catch (error) {
      logger.warn(`could not renew the lease of ${lease.executionId}: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), Math.max(20, Math.min(MAX_RENEW_INTERVAL_MS, leaseMs / 3)));
  timer.unref();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return { stop };
}
