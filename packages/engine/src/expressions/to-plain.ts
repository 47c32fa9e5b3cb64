/** Array properties JSONata hangs on its internal sequences. */
const SEQUENCE_FLAGS = ['sequence', 'keepSingleton', 'outerWrapper', 'tupleStream', 'cons'] as const;

function isFunctionValue(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    (typeof value === 'object' &&
      value !== null &&
      ((value as { _jsonata_function?: unknown })._jsonata_function === true ||
        (value as { _jsonata_lambda?: unknown })._jsonata_lambda === true))
  );
}

/**
 * Turns a JSONata result into plain JSON-like data: sequences become ordinary arrays, functions and
 * lambdas disappear (`undefined`; `null` inside arrays, as JSON.stringify would write them). Values that
 * need no change are returned as they are, so a large input passed through is not copied.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' ? undefined : value;
  }
  if (isFunctionValue(value)) return undefined;
  if (Array.isArray(value)) {
    // Copy only when something changes: a sequence flag to drop, or an item that needed converting.
    let out: unknown[] | undefined = SEQUENCE_FLAGS.some((flag) => Object.hasOwn(value, flag))
      ? []
      : undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const plain = toPlain(item);
      const next = plain === undefined ? null : plain;
      if (out === undefined && next !== item) out = value.slice(0, i);
      out?.push(next);
    }
    return out ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const plain = toPlain(item);
    if (plain !== item && copy === undefined) {
      copy = {};
      for (const k of Object.keys(value)) setOwn(copy, k, (value as Record<string, unknown>)[k]);
    }
    if (copy !== undefined) {
      if (plain === undefined) delete copy[key];
      else setOwn(copy, key, plain);
    }
  }
  return copy ?? value;
}

/** Assigns as an own property even for `__proto__`, which plain assignment would treat as the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
