import { describe, expect, it } from 'vitest';
import { TouchThrottle } from './touch-throttle';

describe('TouchThrottle', () => {
  it('lets a key through once per interval', () => {
    const throttle = new TouchThrottle(60_000);
    expect(throttle.due('w:hubspot', 0)).toBe(true);
    expect(throttle.due('w:hubspot', 59_999)).toBe(false);
    expect(throttle.due('w:clearbit', 1_000)).toBe(true);
    expect(throttle.due('w:hubspot', 60_000)).toBe(true);
    expect(throttle.due('w:hubspot', 60_001)).toBe(false);
  });

  it('lets a forgotten key through at once', () => {
    const throttle = new TouchThrottle(60_000);
    throttle.due('w:hubspot', 0);
    throttle.forget('w:hubspot');
    expect(throttle.due('w:hubspot', 1)).toBe(true);
  });

  it('keeps at most `capacity` keys, forgetting the least recently touched', () => {
    const throttle = new TouchThrottle(60_000, 2);
    throttle.due('a', 0);
    throttle.due('b', 0);
    throttle.due('c', 0);
    expect(throttle.due('a', 1)).toBe(true); // forgotten: written again
    expect(throttle.due('c', 1)).toBe(false);
  });
});
