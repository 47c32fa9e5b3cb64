import type { AppContext } from '../app-context';
import { ApiError } from '../errors/api-error';

/**
 * Takes one execution from the workspace's per-minute budget (DESIGN §7), or fails with 429 and
 * `Retry-After` (seconds).
 */
export async function takeExecutionBudget(ctx: AppContext, workspaceId: string): Promise<void> {
  const decision = await ctx.rateLimiter.take(workspaceId);
  if (decision.allowed) return;
  throw new ApiError(
    429,
    'rate_limited',
    `This workspace may start ${decision.limit} executions per minute; try again in ${decision.retryAfterSeconds} s`,
    { limit: decision.limit, retry_after_seconds: decision.retryAfterSeconds },
    { 'Retry-After': String(decision.retryAfterSeconds) },
  );
}
