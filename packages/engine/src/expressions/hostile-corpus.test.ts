import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression';
import { ExpressionError, type ExpressionErrorCode } from './expression.error';

/**
 * A corpus of hostile expressions (DESIGN §7): each ends within its budget — with a clear
 * `ExpressionError`, or a harmless result — and none takes the process down. The budget is the
 * default one second per evaluation; the bound checked here is generous (the machine is shared), the
 * point is "ends", not "ends fast".
 */

type Outcome = { error: ExpressionErrorCode[] } | { value: (v: unknown) => void };

const ENDS_WITHIN_MS = 15_000;
const big = (n: number, s: string) => `$join([1..${n}].("${s}"))`;

const CORPUS: [name: string, source: string, outcome: Outcome][] = [
  [
    'non-tail recursion',
    '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))',
    { error: ['limit'] },
  ],
  ['endless tail recursion', '($f := function($n){ $f($n + 1) }; $f(0))', { error: ['timeout'] }],
  [
    'mutual recursion',
    '($a := function($n){ $b($n) }; $b := function($n){ $a($n) }; $a(1))',
    { error: ['timeout', 'limit'] },
  ],
  ['range past JSONata cap', '[1..100000000]', { error: ['limit'] }],
  ['range past the sequence limit', '$count([1..10000000])', { error: ['limit'] }],
  ['cross product of ranges', '[1..999999].[1..999999]', { error: ['timeout', 'limit'] }],
  [
    'string doubling',
    '($f := function($s, $n){ $n = 0 ? $s : $f($s & $s, $n - 1) }; $f("x", 40))',
    { error: ['limit'] },
  ],
  ['$pad to a billion', '$pad("x", 1000000000)', { error: ['limit'] }],
  [
    '$replace amplification',
    `$replace(${big(999999, 'a')}, "a", ${big(999, 'b')})`,
    { error: ['timeout', 'limit'] },
  ],
  [
    '$reduce growing a string',
    '$reduce([1..999999], function($a, $b){ $a & "xxxxxxxxxx" })',
    { error: ['timeout', 'limit'] },
  ],
  ['$sort with a comparator', '$sort([1..999999], function($a, $b){ $a < $b })', { error: ['timeout'] }],
  ['$merge of a million objects', '$merge([1..999999].{"a": $})', { error: ['timeout', 'limit'] }],
  [
    '$distinct of a million (quadratic in JSONata)',
    '$count($distinct([1..999999]))',
    { value: (v) => expect(v).toBe(999999) },
  ],
  [
    'catastrophic regex in $match',
    `$match(${big(20000, 'a')} & "!", /(a+)+$/)`,
    { value: (v) => expect(v).toBeUndefined() },
  ],
  [
    'catastrophic regex in $replace',
    `$replace(${big(20000, 'a')} & "!", /(a|aa)+$/, "x")`,
    { value: (v) => expect(typeof v).toBe('string') },
  ],
  ['backreference regex', '$match("aa", /(a)\\1/)', { error: ['syntax'] }],
  ['lookahead regex', '$contains("ab", /a(?=b)/)', { error: ['syntax'] }],
  ['$.__proto__', '$.__proto__', { value: (v) => expect(v).toBeUndefined() }],
  ['$.constructor', '$.constructor', { value: (v) => expect(v).toBeUndefined() }],
  ['a string constructor', '"".constructor', { value: (v) => expect(v).toBeUndefined() }],
  ['$lookup of constructor', '$lookup($, "constructor")', { value: (v) => expect(v).toBeUndefined() }],
  ['$lookup of __proto__', '$lookup($, "__proto__")', { value: (v) => expect(v).toBeUndefined() }],
  [
    'Function constructor via a built-in',
    '$string.constructor("return process")()',
    { error: ['evaluation'] },
  ],
  [
    'Function constructor via $$',
    '$$.constructor.constructor("return process")()',
    { value: (v) => expect(v).toBeUndefined() },
  ],
  ['$eval', '$eval("1 + 1")', { error: ['forbidden'] }],
  ['$eval through a variable', '($e := $eval; $e("1"))', { error: ['forbidden'] }],
  ['a function as the result', 'function($x){ $x }', { value: (v) => expect(v).toBeUndefined() }],
  ['an error built from input', '$error("boom " & $string($))', { error: ['evaluation'] }],
];

async function outcomeOf(source: string): Promise<{ value?: unknown; error?: unknown; ms: number }> {
  const started = Date.now();
  try {
    const value = await compileExpression(source).evaluate({ name: 'Ada', items: [1, 2, 3] });
    return { value, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}

describe('the hostile expression corpus', () => {
  it.each(CORPUS)('%s ends within its budget', { timeout: 60_000 }, async (_name, source, outcome) => {
    const { value, error, ms } = await outcomeOf(source);
    expect(ms).toBeLessThan(ENDS_WITHIN_MS);
    if ('error' in outcome) {
      expect(error, `resolved with ${JSON.stringify(value)?.slice(0, 200)}`).toBeInstanceOf(ExpressionError);
      const e = error as ExpressionError;
      expect(outcome.error).toContain(e.code);
      expect(e.message.length).toBeGreaterThan(5);
      expect(e.message).not.toMatch(/\bat .+\.(ts|js):\d+/);
    } else {
      expect(error).toBeUndefined();
      outcome.value(value);
    }
  });

  it('leaves Object.prototype alone', async () => {
    await outcomeOf(
      '$merge([{"__proto__": {"polluted": true}}, {"constructor": {"prototype": {"polluted": true}}}])',
    );
    await outcomeOf('($x := {"__proto__": {"polluted": true}}; $x.__proto__.polluted)');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('lets other evaluations finish while a hostile one runs', { timeout: 30_000 }, async () => {
    const hostile = outcomeOf('($f := function($n){ $f($n + 1) }; $f(0))');
    const started = Date.now();
    const quick = await compileExpression('$uppercase(name)').evaluate({ name: 'ada' });
    const quickMs = Date.now() - started;
    expect(quick).toBe('ADA');
    const slow = await hostile;
    expect((slow.error as ExpressionError).code).toBe('timeout');
    // The cheap one did not wait for the hostile one's whole budget.
    expect(quickMs).toBeLessThan(slow.ms);
  });

  it('keeps $distinct as JSONata has it', async () => {
    const run = (s: string) => compileExpression(s).evaluate({});
    expect(
      await run('$distinct([1, "1", 1, true, null, null, {"a": 1, "b": 2}, {"b": 2, "a": 1}, [1], [1]])'),
    ).toEqual([1, '1', true, null, { a: 1, b: 2 }, [1]]);
    expect(await run('$distinct([])')).toEqual([]);
    expect(await run('$distinct("x")')).toBe('x');
    expect(await run('$distinct(nothing)')).toBeUndefined();
    expect(await run('$distinct([3, 1, 3, 2, 1])')).toEqual([3, 1, 2]);
  });
});
