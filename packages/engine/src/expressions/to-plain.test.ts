import { describe, expect, it } from 'vitest';
import { toPlain } from './to-plain';

function sequence<T>(...items: T[]): T[] {
  return Object.assign([...items], { sequence: true });
}

describe('toPlain', () => {
  it('turns sequences into arrays, at any depth', () => {
    const value = toPlain({ a: sequence(1, 2), b: [sequence({ c: sequence('x') })] }) as Record<
      string,
      unknown
    >;
    expect(value).toEqual({ a: [1, 2], b: [[{ c: ['x'] }]] });
    expect(Object.hasOwn(value.a as object, 'sequence')).toBe(false);
  });

  it('drops functions: undefined at the top and in objects, null in arrays', () => {
    const fn = { _jsonata_function: true, implementation: () => 1 };
    expect(toPlain(fn)).toBeUndefined();
    expect(toPlain({ a: 1, f: fn })).toEqual({ a: 1 });
    expect(toPlain([1, fn])).toEqual([1, null]);
    expect(toPlain(() => 1)).toBeUndefined();
  });

  it('returns values that need no change as they are', () => {
    const input = { a: [1, { b: 2 }], c: 'x' };
    expect(toPlain(input)).toBe(input);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeUndefined();
  });

  it('keeps a __proto__ key as an own property when it copies', () => {
    const source = JSON.parse('{"__proto__": {"x": 1}, "s": [1]}') as Record<string, unknown>;
    source.s = sequence(1);
    const out = toPlain(source) as Record<string, unknown>;
    expect(out).not.toBe(source);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
