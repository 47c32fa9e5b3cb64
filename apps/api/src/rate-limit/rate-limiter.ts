/** The answer to "may this workspace start one more execution now?". */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one more would be allowed (0 when allowed). */
  retryAfterSeconds: number;
  limit: number;
  remaining: number;
}

/**
 * Executions per key (a workspace) per window. The app uses the one kept in the database
 * (`database-rate-limiter.ts`), which every API process shares.
 */
export interface RateLimiter {
  /** Takes one unit if the key has any left in the current window. */
  take(key: string): Promise<RateDecision>;
  /** Returns a unit taken for something that turned out not to count (an idempotent replay). */
  giveBack(key: string): Promise<void>;
}
