import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { PinnedAgentPool, pinnedLookup } from './pinned-agents';

describe('pinnedLookup', () => {
  const lookup = pinnedLookup({ address: '203.0.113.5', family: 4 });

  it('answers the pinned address in the all:true shape (Node’s happy-eyeballs path)', () => {
    let answer: unknown;
    lookup('anything.test', { all: true }, (err, addresses) => {
      expect(err).toBeNull();
      answer = addresses;
    });
    expect(answer).toEqual([{ address: '203.0.113.5', family: 4 }] satisfies LookupAddress[]);
  });

  it('answers the pinned address in the single-address shape', () => {
    let answer: unknown[] = [];
    lookup('anything.test', {}, (err, address, family) => {
      answer = [err, address, family];
    });
    expect(answer).toEqual([null, '203.0.113.5', 4]);
  });
});

describe('PinnedAgentPool', () => {
  it('reuses the agent for an address and evicts the least recently used beyond its size', async () => {
    const pool = new PinnedAgentPool(2);
    const a = pool.get({ address: '10.0.0.1', family: 4 });
    expect(pool.get({ address: '10.0.0.1', family: 4 })).toBe(a);
    const b = pool.get({ address: '10.0.0.2', family: 4 });
    pool.get({ address: '10.0.0.1', family: 4 });
    pool.get({ address: '10.0.0.3', family: 4 });
    expect(pool.size).toBe(2);
    expect(pool.get({ address: '10.0.0.1', family: 4 })).toBe(a);
    expect(pool.get({ address: '10.0.0.2', family: 4 })).not.toBe(b);
    await pool.close();
    expect(pool.size).toBe(0);
  });
});
