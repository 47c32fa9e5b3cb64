import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression.error';
import { assertInputSize, jsonByteLength, utf8ByteLength } from './input-size';

describe('input size', () => {
  it.each(['', 'abc', 'café', '😀', 'עברית', '\ud800 lone surrogate', 'e\u0301'])(
    'counts UTF-8 bytes of %j',
    (text) => {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    },
  );

  it('measures values as JSON', () => {
    expect(jsonByteLength({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
    expect(jsonByteLength(undefined)).toBe(0);
  });

  it('refuses inputs over the budget', () => {
    expect(assertInputSize({ a: 1 }, 100)).toBe(7);
    expect(() => assertInputSize({ a: 'x'.repeat(200) }, 100)).toThrow(ExpressionError);
    try {
      assertInputSize('x'.repeat(200), 100);
    } catch (err) {
      expect((err as ExpressionError).code).toBe('limit');
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => assertInputSize(cyclic, 100)).toThrow(ExpressionError);
  });
});
