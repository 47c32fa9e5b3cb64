import type { RateDecision, RateLimiter } from './rate-limiter';

export interface MemoryRateLimiterOptions {
  limit: number;
  windowMs?: number;
  now?: () => number;
}

/** Keys are forgotten after this many calls without a sweep, so idle workspaces do not pile up. */
const SWEEP_EVERY = 1_000;

/**
 * A sliding-window log in memory: a key may take `limit` units in any `windowMs` (default one minute).
 * `retryAfterSeconds` is when the oldest unit in the window leaves it. One process only: behind several
 * API processes each would allow `limit` (issue 8 moves this into the database).
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const log = new Map<string, number[]>();
  let calls = 0;

  const recent = (key: string, at: number): number[] => {
    const times = (log.get(key) ?? []).filter((t) => t > at - windowMs);
    if (times.length === 0) log.delete(key);
    else log.set(key, times);
    return times;
  };

  const sweep = (at: number) => {
    for (const key of [...log.keys()]) recent(key, at);
  };

  return {
    async take(key): Promise<RateDecision> {
      const at = now();
      if (++calls % SWEEP_EVERY === 0) sweep(at);
      const times = recent(key, at);
      if (times.length >= options.limit) {
        const oldest = times[0] ?? at;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)),
          limit: options.limit,
          remaining: 0,
        };
      }
      times.push(at);
      log.set(key, times);
      return {
        allowed: true,
        retryAfterSeconds: 0,
        limit: options.limit,
        remaining: options.limit - times.length,
      };
    },
    async giveBack(key) {
      log.get(key)?.pop();
    },
  };
}
