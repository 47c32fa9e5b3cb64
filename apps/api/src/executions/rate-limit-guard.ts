import type { AppContext } from '../app-context';
import { ApiError } from '../errors/api-error';

/**
 * Takes one execution from the workspace's per-minute budget (DESIGN §7), or fails with 429 and
 * `Retry-After` (seconds). The budget is counted in the database at enqueue (`ctx.rateLimiter` is the
 * database limiter), atomically, so concurrent requests and several API processes cannot overshoot it.
 * Call it once per execution about to be created; give the unit back with `ctx.rateLimiter.giveBack`
 * if the request turns out not to create one (an idempotent replay).
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
