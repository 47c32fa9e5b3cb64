import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkExpression, clearExpressionCache, compileExpression } from './expression';
import { ExpressionError } from './expression.error';

async function run(source: string, input: unknown = {}, bindings?: Record<string, unknown>) {
  return compileExpression(source).evaluate(input, bindings);
}

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<ExpressionError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error('expected an ExpressionError');
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__pwned;
});

describe('compileExpression', () => {
  it('evaluates over the input with bindings', async () => {
    expect(await run('input.email', { input: { email: 'a@b.c' } })).toBe('a@b.c');
    expect(await run('$uppercase(name)', { name: 'ada' })).toBe('ADA');
    expect(await run('$status = 200 ? "ok" : "ko"', {}, { status: 200 })).toBe('ok');
  });

  it('returns plain arrays, not JSONata sequences', async () => {
    const value = await run('items.id', { items: [{ id: 1 }, { id: 2 }] });
    expect(value).toEqual([1, 2]);
    expect(Object.keys(value as object)).toEqual(['0', '1']);
    const nested = (await run('{"ids": items.id}', { items: [{ id: 1 }, { id: 2 }] })) as { ids: unknown };
    expect(Object.hasOwn(nested.ids as object, 'sequence')).toBe(false);
    expect(await run('[1..3]')).toEqual([1, 2, 3]);
  });

  it('keeps "nothing" as undefined', async () => {
    expect(await run('missing.field')).toBeUndefined();
    expect(await run('$uppercase')).toBeUndefined(); // a function is not data
  });

  it('accepts a top-level sequence as if it were in parentheses', async () => {
    expect(await run('$x := 1; $x + 1')).toBe(2);
    expect(
      await run('$c := input.contact; $uppercase($c.name)', { input: { contact: { name: 'ada' } } }),
    ).toBe('ADA');
    expect(compileExpression('$c := input.contact; $c.email').references()).toEqual([
      ['input', 'contact', 'email'],
    ]);
    // positions still point into the text as written
    const err = await failure(run('$x := 1; $x + "a"'));
    expect(err).toMatchObject({ code: 'evaluation', position: 13 }); // just past the +, as JSONata reports it
    expect(await failure(() => compileExpression('$x := 1; $eval("2")'))).toMatchObject({
      code: 'forbidden',
      position: 14,
    });
    // not a way to make unbalanced text valid
    expect((await failure(() => compileExpression('a) + (b'))).code).toBe('syntax');
    expect((await failure(() => compileExpression('x; (y'))).code).toBe('syntax');
  });

  it('caches by source and limits', () => {
    clearExpressionCache();
    const a = compileExpression('a + 1');
    expect(compileExpression('a + 1')).toBe(a);
    expect(compileExpression('a + 1', { timeoutMs: 50 })).not.toBe(a);
    expect(compileExpression('a + 1', { timeoutMs: 50 }).limits.timeoutMs).toBe(50);
  });

  it.each([
    ['foo(', 4],
    ['"abc', 4],
    ['a.b +', 5],
    ['{ "a": }', 8],
  ])('reports a syntax error with its position: %s', async (source, position) => {
    const err = await failure(() => compileExpression(source));
    expect(err.code).toBe('syntax');
    expect(err.position).toBe(position);
    expect(err.expression).toBe(source);
    expect(err.jsonataCode).toMatch(/^S0/);
    expect(err.message.length).toBeGreaterThan(5);
  });

  it('refuses an empty expression', async () => {
    expect((await failure(() => compileExpression('  '))).code).toBe('syntax');
  });

  it('refuses an expression longer than the limit', async () => {
    const err = await failure(() => compileExpression(`"${'x'.repeat(10_001)}"`));
    expect(err.code).toBe('limit');
    expect((await failure(() => compileExpression('1 + 1', { maxExpressionLength: 3 }))).code).toBe('limit');
  });

  it('refuses pathological nesting at compile time', async () => {
    const source = `${'('.repeat(3_000)}1${')'.repeat(3_000)}`;
    expect((await failure(() => compileExpression(source))).code).toBe('limit');
    const arrays = `${'['.repeat(1_200)}1${']'.repeat(1_200)}`;
    expect((await failure(() => compileExpression(arrays))).code).toBe('limit');
  });
});

describe('guardrails', () => {
  it('stops an endless (tail-recursive) loop at the time budget', async () => {
    const started = Date.now();
    const err = await failure(
      compileExpression('($f := function($n){ $f($n + 1) }; $f(1))', { timeoutMs: 100 }).evaluate({}),
    );
    expect(err.code).toBe('timeout');
    expect(err.jsonataCode).toBe('D1012');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('stops deep recursion at the depth limit', async () => {
    const err = await failure(run('($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))'));
    expect(err.code).toBe('limit');
    expect(err.jsonataCode).toBe('D1011');
    expect(await run('($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100))')).toBe(100);
  });

  it('caps ranges and sequences', async () => {
    expect((await failure(run('[1..20000000]'))).code).toBe('limit');
    const small = compileExpression('$count([1..5000])', { maxSequenceLength: 1_000 });
    expect((await failure(small.evaluate({}))).code).toBe('limit');
    expect(await compileExpression('$count([1..500])', { maxSequenceLength: 1_000 }).evaluate({})).toBe(500);
    const mapped = compileExpression('$map([1..10], function($v){ $v }) ~> $append([1..995])', {
      maxSequenceLength: 1_000,
    });
    expect((await failure(mapped.evaluate({}))).code).toBe('limit');
  });

  it('caps the strings an evaluation builds', async () => {
    const err = await failure(run('$pad("x", 100000000)'));
    expect(err.code).toBe('limit');
    expect(await run('$pad("x", 5, "#")')).toBe('x####');
    expect(await run('$pad("x", -4, "ab")')).toBe('abax');
    const doubling = compileExpression('$reduce([1..40], function($acc, $v){ $acc & $acc }, "ab")', {
      maxStringLength: 1_000_000,
    });
    expect((await failure(doubling.evaluate({}))).code).toBe('limit');
  });

  it('runs regular expressions in linear time', async () => {
    const started = Date.now();
    const evil = 'a'.repeat(39);
    expect(await run(`$match("${evil}!", /(a+)+$/)`)).toBeUndefined();
    expect(await run('$contains(s, /(x+x+)+y/)', { s: 'x'.repeat(50_000) })).toBe(false);
    expect(await run('$replace(s, /(a|a)*b/, "-")', { s: 'a'.repeat(50_000) })).toBe('a'.repeat(50_000));
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps the usual regex functions working on RE2', async () => {
    expect(await run('$match("a1b22", /([a-z])(\\d+)/)')).toEqual([
      { match: 'a1', index: 0, groups: ['a', '1'] },
      { match: 'b22', index: 2, groups: ['b', '22'] },
    ]);
    expect(await run('$replace("Hello World", /o/i, "0")')).toBe('Hell0 W0rld');
    expect(await run('$split("a, b,c", /,\\s*/)')).toEqual(['a', 'b', 'c']);
    expect(await run('$contains("ABC", /b/i)')).toBe(true);
    expect(await run('$replace("2024-05-01", /(\\d+)-(\\d+)-(\\d+)/, "$3/$2/$1")')).toBe('01/05/2024');
    expect(await run('$match("😀x😀y", /[xy]/).index')).toEqual([2, 5]);
    expect(await run('"line1\\nline2" ~> $match(/^line\\d$/m) ~> $count()')).toBe(2);
  });

  it('refuses regexes RE2 cannot run, at compile time', async () => {
    for (const source of ['$match(s, /(a)\\1/)', '$match(s, /a(?=b)/)', '$match(s, /(?<!a)b/)']) {
      const err = await failure(() => compileExpression(source));
      expect(err.code).toBe('syntax');
      expect(err.message).toMatch(/Unsupported regular expression/);
    }
  });

  it('has no $eval', async () => {
    const err = await failure(() => compileExpression('$eval("1 + 1")'));
    expect(err.code).toBe('forbidden');
    expect(err.position).toBeGreaterThan(0);
    expect(checkExpression('($f := $eval; $f("1"))')).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await failure(run('1', {}, { eval: () => 1 }))).code).toBe('forbidden');
  });

  it.each([
    '$.constructor',
    '"".constructor',
    '$string.constructor',
    '$constructor',
    '$.__proto__',
    '$$.toString',
    '$lookup($, "constructor")',
    '$lookup($, "__proto__")',
    'a.constructor.name',
    '$keys($.__proto__)',
    '$.hasOwnProperty',
  ])('reaches no prototype: %s', async (source) => {
    expect(await run(source, { a: { b: 1 } })).toBeUndefined();
  });

  it.each([
    '$.constructor.constructor("globalThis.__pwned = 1")()',
    '$string.constructor("globalThis.__pwned = 1")()',
    '"".constructor.constructor("globalThis.__pwned = 1")()',
    '$lookup($, "constructor")("globalThis.__pwned = 1")',
  ])('runs no code through prototypes: %s', async (source) => {
    // Either nothing to call (undefined) or "not a function": never a Function constructor.
    const result = await run(source, {}).catch((err: unknown) => {
      expect(err).toBeInstanceOf(ExpressionError);
      expect((err as ExpressionError).code).toBe('evaluation');
      return undefined;
    });
    expect(result).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('does not pollute Object.prototype through __proto__ keys', async () => {
    const made = (await run('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.hasOwn(made, '__proto__')).toBe(true);
    await run('$merge([{"__proto__": {"polluted": true}}, {"a": 1}])');
    await run('$ ~> | $ | {"__proto__": {"polluted": true}} |', { a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('run-time errors', () => {
  it('become ExpressionError with JSONata message and position', async () => {
    const err = await failure(run('n + "a"', { n: 1 }));
    expect(err).toMatchObject({
      code: 'evaluation',
      jsonataCode: 'T2002',
      position: 3,
      expression: 'n + "a"',
    });
    expect(err.message).toMatch(/right side of the "\+" operator/);
    const custom = await failure(run('$error("boom")'));
    expect(custom).toMatchObject({ code: 'evaluation', message: 'boom' });
    const notFn = await failure(run('$nope()'));
    expect(notFn.code).toBe('evaluation');
  });

  it('never throws anything but ExpressionError', async () => {
    const tokens = [
      'a',
      '.',
      '$',
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '"x"',
      '1',
      '+',
      '&',
      '/x/',
      ':=',
      ';',
      ',',
      '..',
      '$f',
      '?',
      ':',
      ' ',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.array(fc.constantFrom(...tokens)).map((t) => t.join('')),
        ),
        async (src) => {
          try {
            const compiled = compileExpression(src, { timeoutMs: 50 });
            await compiled.evaluate({ a: [1, { b: 'x' }], x: 'y' });
          } catch (err) {
            expect(err).toBeInstanceOf(ExpressionError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('checkExpression', () => {
  it('reports without throwing', () => {
    expect(checkExpression('input.email')).toEqual({ ok: true });
    expect(checkExpression('input.')).toMatchObject({ ok: false, code: 'syntax', position: 6 });
  });
});
