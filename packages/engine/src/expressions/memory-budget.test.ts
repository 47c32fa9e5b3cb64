import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression';
import { ExpressionError } from './expression.error';
import type { ExpressionLimits } from './limits';

/**
 * Memory-hostile expressions, each run in a worker thread whose V8 heap is capped at 128 MB. Without
 * the memory budget the cross product alone grew to about 600 MB within its second; with it, each of
 * these answers a `limit` (or `timeout`) error and the worker — like the API process it stands for —
 * stays up. The control case lifts the budget and shows the same worker really does die of it.
 */

const HEAP_MB = 128;

type Answer = { ok: true; type: string } | { ok: false; code: string; message: string } | { died: string };

function runCapped(source: string, limits?: Partial<ExpressionLimits>): Promise<Answer> {
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const script = pathToFileURL(new URL('./memory-budget.worker.ts', import.meta.url).pathname).href;
  // The worker loads TypeScript through tsx's loader, registered from inside it.
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(script)}); })`;
  return new Promise((resolve) => {
    const worker = new Worker(boot, {
      eval: true,
      workerData: { source, limits },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 },
    });
    worker.once('message', (answer: Answer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (err: Error & { code?: string }) => resolve({ died: err.code ?? err.message }));
  });
}

const HOSTILE: [name: string, source: string][] = [
  ['a cross product of ranges', '[1..999999].[1..999999]'],
  ['an object per item of a million', '$count([1..999999].{"a": $, "b": $string($), "c": [$, $, $]})'],
  ['an array per item of a million', '$count($map([1..999999], function($v){ [$v, $v, $v, $v] }))'],
  ['$join of a 10 M-character string 200 times', '($s := $pad("", 9999999, "a"); $join([1..200].($s)))'],
  ['$replace of every character of 10 M (string pattern)', '$replace($pad("", 9999999, "a"), "a", "b")'],
  ['$replace of every character of 10 M (regex)', '$replace($pad("", 9999999, "a"), /a/, "b")'],
  ['$split of 10 M characters', '$count($split($pad("", 9999999, "a"), ""))'],
  [
    'a growing array in $reduce',
    '$count($reduce([1..999999], function($acc, $v){ $append($acc, [$v, $v]) }, []))',
  ],
];

describe('the memory budget', () => {
  it.each(HOSTILE)(
    '%s stops with a clear error under a 128 MB heap',
    { timeout: 60_000 },
    async (_n, source) => {
      const answer = await runCapped(source);
      expect(answer, JSON.stringify(answer)).not.toHaveProperty('died');
      expect(answer).toMatchObject({ ok: false });
      const { code, message } = answer as { code: string; message: string };
      expect(['limit', 'timeout']).toContain(code);
      expect(message).toMatch(/memory budget|at most|more than|ran longer/);
    },
  );

  it('is what keeps the worker alive: without it the cross product exhausts the heap', {
    timeout: 90_000,
  }, async () => {
    const answer = await runCapped('[1..999999].[1..999999]', {
      maxAllocationBytes: 1e12,
      timeoutMs: 30_000,
    });
    expect(answer).toEqual({ died: 'ERR_WORKER_OUT_OF_MEMORY' });
  });

  it('names the budget in its error', async () => {
    const error = await compileExpression('[1..999999].[1..999999]')
      .evaluate({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).code).toBe('limit');
    expect((error as ExpressionError).message).toBe(
      'The expression built more than 64 MB of values (its memory budget)',
    );
  });

  it('leaves ordinary work alone: 100,000 mapped objects, and concurrent evaluations keep their own totals', {
    timeout: 90_000,
  }, async () => {
    const mapping = compileExpression('$count([1..100000].{"id": $, "name": "contact " & $string($)})', {
      timeoutMs: 30_000,
    });
    expect(await mapping.evaluate({})).toBe(100000);
    // Each of these builds about 48 MB: together over the budget, each alone within it.
    const half = compileExpression('$count([1..600000].[$, $])', { timeoutMs: 30_000 });
    expect(await Promise.all([half.evaluate({}), half.evaluate({})])).toEqual([600000, 600000]);
  });

  it('does not count a variable each time it is read, but does count each copy a path makes', {
    timeout: 60_000,
  }, async () => {
    const items = Array.from({ length: 500_000 }, (_, i) => i);
    // 200 reads of a 500,000-item variable would be 1.6 GB if every read were counted as built.
    const reads = compileExpression('($items := $$.items; $sum([1..200].($count($items))))', {
      timeoutMs: 30_000,
    });
    expect(await reads.evaluate({ items })).toBe(200 * 500_000);
    // A path copies the array into a new sequence every time (garbage, but built), and that is counted.
    const copies = compileExpression('$sum([1..200].($count($$.items)))', { timeoutMs: 30_000 });
    await expect(copies.evaluate({ items })).rejects.toMatchObject({ code: 'limit' });
  });
});
