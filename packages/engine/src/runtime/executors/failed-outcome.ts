import type { NodeOutcome } from '../executor';

/** Turns an expression, template or mapping error into a failed outcome naming the field at fault. */
export function failedOutcome(err: unknown, path: (string | number)[], mappingInput: unknown): NodeOutcome {
  const e = err as { code?: unknown; message?: unknown; path?: unknown };
  const code = typeof e?.code === 'string' ? e.code : 'expression';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const fieldPath = typeof e?.path === 'string' && e.path ? `${path[0]}.${e.path}` : path.join('.');
  return { status: 'failed', mappingInput, error: { code, message, path: fieldPath } };
}
