import { type Executor, returnExecutionQuota, takeExecutionQuota } from '@connectors/db';
import type { RateDecision, RateLimiter } from './rate-limiter';

export interface DatabaseRateLimiterOptions {
  db: Executor;
  limit: number;
  windowMs?: number;
}

/**
 * Executions per workspace per fixed window, counted in the database (`workspace_execution_quotas`): one
 * conditional upsert per request (see `takeExecutionQuota`), so every API process shares the count and a
 * burst of concurrent requests gets exactly `limit` through. A fixed window rather than a sliding one:
 * it needs one row per workspace instead of one per execution, at the price of allowing up to twice the
 * limit across a window boundary.
 */
export function createDatabaseRateLimiter(options: DatabaseRateLimiterOptions): RateLimiter {
  const { db, limit } = options;
  const windowMs = options.windowMs ?? 60_000;
  return {
    async take(workspaceId): Promise<RateDecision> {
      const decision = await takeExecutionQuota(db, workspaceId, { limit, windowMs });
      return {
        allowed: decision.allowed,
        retryAfterSeconds: decision.allowed ? 0 : Math.max(1, Math.ceil(decision.resetInMs / 1000)),
        limit,
        remaining: Math.max(0, limit - decision.used),
      };
    },
    async giveBack(workspaceId) {
      await returnExecutionQuota(db, workspaceId, { windowMs });
    },
  };
}
