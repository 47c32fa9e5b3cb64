import { describe, expect, it } from 'vitest';
import { Re2RegExp } from './regex-engine';

describe('Re2RegExp', () => {
  it('behaves like RegExp.exec for a global pattern', () => {
    const re = new Re2RegExp(/b(c)?/g);
    const text = 'abcab';
    const first = re.exec(text);
    expect([...(first ?? [])]).toEqual(['bc', 'c']);
    expect(first?.index).toBe(1);
    expect(first?.input).toBe(text);
    expect(re.lastIndex).toBe(3);
    const second = re.exec(text);
    expect([...(second ?? [])]).toEqual(['b', undefined]);
    expect(second?.index).toBe(4);
    expect(re.exec(text)).toBeNull();
    expect(re.lastIndex).toBe(0);
  });

  it('matches the native engine on ordinary patterns', () => {
    const patterns: [string, string, string][] = [
      ['\\d+', 'g', 'a12b345'],
      ['^\\w+$', 'gm', 'one\ntwo'],
      ['hello', 'gi', 'Say HELLO and hello'],
      ['(?<year>\\d{4})-(?<month>\\d{2})', 'g', 'from 2024-05 to 2025-11'],
      ['[^,]+', 'g', 'a,bb,,ccc'],
      ['\\u00e9|\\u{1F600}', 'gu', 'café 😀'],
    ];
    for (const [source, flags, text] of patterns) {
      const native = new RegExp(source, flags);
      const re2 = new Re2RegExp(source, flags);
      for (let i = 0; i < 5; i++) {
        const expected = native.exec(text);
        const actual = re2.exec(text);
        expect(actual === null ? null : [...actual]).toEqual(expected === null ? null : [...expected]);
        expect(actual?.index).toEqual(expected?.index);
        expect(actual?.groups).toEqual(expected?.groups === undefined ? undefined : { ...expected.groups });
        expect(re2.lastIndex).toBe(native.lastIndex);
      }
    }
  });

  it('starts from lastIndex (how JSONata walks matches)', () => {
    const re = new Re2RegExp(/a/g);
    re.lastIndex = 2;
    expect(re.exec('aaaa')?.index).toBe(2);
    re.lastIndex = 10;
    expect(re.exec('aaaa')).toBeNull();
  });

  it('reports UTF-16 indices', () => {
    expect(new Re2RegExp('x', 'g').exec('😀x')?.index).toBe(2);
  });

  it('refuses what RE2 cannot do in linear time', () => {
    expect(() => new Re2RegExp('(a)\\1')).toThrow(SyntaxError);
    expect(() => new Re2RegExp('a(?=b)')).toThrow(/Unsupported regular expression/);
    expect(() => new Re2RegExp('a', 'y')).toThrow(/flag/);
  });

  it('matches catastrophic patterns in linear time', () => {
    const started = Date.now();
    expect(new Re2RegExp('(a+)+$', 'g').exec(`${'a'.repeat(100_000)}!`)).toBeNull();
    expect(new Re2RegExp('(x+x+)+y').test('x'.repeat(100_000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
