import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memory-rate-limiter';

describe('memory rate limiter', () => {
  it('allows `limit` per sliding window, per key, and says when to retry', async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect((await limiter.take('a')).remaining).toBe(1);
    now = 10_000;
    expect((await limiter.take('a')).allowed).toBe(true);
    expect(await limiter.take('a')).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
      limit: 2,
      remaining: 0,
    });
    expect((await limiter.take('b')).allowed).toBe(true);
    now = 60_001;
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
  });

  it('gives a unit back', async () => {
    const limiter = createMemoryRateLimiter({ limit: 1 });
    await limiter.take('a');
    await limiter.giveBack('a');
    expect((await limiter.take('a')).allowed).toBe(true);
  });
});
