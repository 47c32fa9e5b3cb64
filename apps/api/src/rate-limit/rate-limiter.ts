/** The answer to "may this workspace start one more execution now?". */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one more would be allowed (0 when allowed). */
  retryAfterSeconds: number;
  limit: number;
  remaining: number;
}

/**
 * Executions per key (a workspace) per window. An interface so the in-process limiter can be swapped
 * for one kept in the database (issue 8), which several API processes would share.
 */
export interface RateLimiter {
  /** Takes one unit if the key has any left in the current window. */
  take(key: string): Promise<RateDecision>;
  /** Returns a unit taken for something that turned out not to count (an idempotent replay). */
  giveBack(key: string): Promise<void>;
}
