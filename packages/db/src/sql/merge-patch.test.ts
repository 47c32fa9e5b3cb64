import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch';

describe('mergePatch (RFC 7396)', () => {
  it.each([
    ['adds a key', { a: 1 }, { b: 2 }, { a: 1, b: 2 }],
    ['replaces a scalar', { a: 1 }, { a: 2 }, { a: 2 }],
    ['merges nested objects', { x: { y: 1, z: 1 } }, { x: { z: 2 } }, { x: { y: 1, z: 2 } }],
    [
      'merges three levels down',
      { a: { b: { c: 1, d: 1 } } },
      { a: { b: { d: 2 } } },
      { a: { b: { c: 1, d: 2 } } },
    ],
    ['deletes with null', { a: 1, b: 2 }, { a: null }, { b: 2 }],
    ['deletes nested with null', { x: { y: 1, z: 1 } }, { x: { y: null } }, { x: { z: 1 } }],
    ['replaces arrays whole', { a: [1, 2] }, { a: [3] }, { a: [3] }],
    ['replaces a scalar by an object', { a: 1 }, { a: { b: 1 } }, { a: { b: 1 } }],
    ['replaces an object by a scalar', { a: { b: 1 } }, { a: 'x' }, { a: 'x' }],
    ['ignores undefined', { a: 1 }, { a: undefined }, { a: 1 }],
    ['non-object patch replaces target', { a: 1 }, [1], [1]],
  ])('%s', (_name, target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected);
  });

  it('does not mutate its inputs', () => {
    const target = { x: { y: 1 } };
    mergePatch(target, { x: { z: 2 } });
    expect(target).toEqual({ x: { y: 1 } });
  });

  it('keeps "__proto__" a plain key', () => {
    const merged = mergePatch({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"polluted":true}}');
  });
});
