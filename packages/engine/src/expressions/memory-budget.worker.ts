/**
 * Runs one expression inside a worker thread whose heap is capped (`resourceLimits`), for
 * `memory-budget.test.ts`: if the expression's memory budget did not hold, V8 would end the worker
 * with ERR_WORKER_OUT_OF_MEMORY instead of the worker answering.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileExpression } from './expression';
import { ExpressionError } from './expression.error';
import type { ExpressionLimits } from './limits';

const { source, limits } = workerData as { source: string; limits?: Partial<ExpressionLimits> };
const before = process.memoryUsage().heapUsed;
try {
  const value = await compileExpression(source, limits).evaluate({});
  parentPort?.postMessage({
    ok: true,
    type: typeof value,
    heapGrowth: process.memoryUsage().heapUsed - before,
  });
} catch (err) {
  parentPort?.postMessage({
    ok: false,
    code: err instanceof ExpressionError ? err.code : 'unexpected',
    message: err instanceof Error ? err.message : String(err),
  });
}
