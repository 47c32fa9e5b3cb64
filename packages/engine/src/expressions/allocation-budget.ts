import type { AstNode } from './ast';

/**
 * The memory budget of one evaluation. JSONata's `timeout` bounds time, not space: within its second,
 * `[1..999999].[1..999999]` built about 600 MB. Every evaluation step's result passes the exit hook
 * (see `installGuards`), so the hook adds up an estimate of the bytes each step *built* and stops the
 * evaluation once the sum passes `maxAllocationBytes`. The sum counts everything built, garbage
 * included, so it is an upper bound of what the evaluation holds at any moment: memory stays bounded
 * whatever the expression does between two steps, at the cost of one cheap estimate per step (a worker
 * thread per evaluation would cost a message round trip each, and the engine also runs in browsers).
 *
 * What a step built, in bytes (deliberately on the high side):
 * - an array: 16 per item (an 8-byte slot, plus a boxed number where there is one);
 * - a string from `&` or a function call: 2 per UTF-16 code unit (reading a field or a variable
 *   builds nothing: the string already exists);
 * - an object from a constructor `{ … }` or a grouping: 64, plus 48 per key.
 * A variable's value is not counted again each time it is read.
 */
export const ARRAY_ITEM_BYTES = 16;
export const STRING_CHAR_BYTES = 2;
export const OBJECT_BYTES = 64;
export const OBJECT_KEY_BYTES = 48;

/** Estimated bytes the step `node` allocated to produce `result`. */
export function builtBytes(node: AstNode, result: unknown): number {
  if (result === null || result === undefined) return 0;
  const type = node.type;
  if (type === 'variable' || type === 'parent') return 0;
  if (typeof result === 'string') {
    return type === 'binary' || type === 'function' || type === 'apply' || type === 'partial'
      ? result.length * STRING_CHAR_BYTES
      : 0;
  }
  if (Array.isArray(result)) return result.length * ARRAY_ITEM_BYTES;
  if (typeof result === 'object' && ((type === 'unary' && node.value === '{') || node.group !== undefined)) {
    return OBJECT_BYTES + Object.keys(result).length * OBJECT_KEY_BYTES;
  }
  return 0;
}

const SPENT = Symbol('connectors.expression.bytesBuilt');

/**
 * Adds `bytes` to the evaluation's running total and returns the new total. `environment.base` is
 * JSONata's root frame of one `evaluate` call, shared by every frame below it, so concurrent
 * evaluations of the same compiled expression keep separate totals.
 */
export function spend(environment: unknown, bytes: number): number {
  const base = (environment as { base?: Record<symbol, number> } | undefined)?.base;
  if (!base) return bytes;
  const total = (base[SPENT] ?? 0) + bytes;
  base[SPENT] = total;
  return total;
}
