/**
 * JSONata's `$distinct`, in linear time. The original compares every value with every kept one
 * (`deepEquals`), so `$distinct([1..1000000])` runs for minutes inside one built-in call, where the
 * time budget cannot stop it. Here each value gets a canonical key (objects with sorted keys, so
 * `{a,b}` equals `{b,a}` as `deepEquals` has it; numbers and strings kept apart), and a value that holds
 * a function is compared by reference, as `deepEquals` compares functions.
 */
export function linearDistinct(arr: unknown): unknown {
  if (arr === undefined) return undefined;
  if (!Array.isArray(arr) || arr.length <= 1) return arr;
  const results: unknown[] = [];
  // Keep JSONata's sequence flag, so the result flattens and unwraps as the original's would.
  if ((arr as { sequence?: boolean }).sequence) {
    Object.defineProperty(results, 'sequence', { value: true, configurable: true });
  }
  const seen = new Set<string>();
  const seenRefs = new Set<unknown>();
  for (const value of arr) {
    const key = canonicalKey(value);
    if (key === undefined) {
      if (seenRefs.has(value)) continue;
      seenRefs.add(value);
    } else {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    results.push(value);
  }
  return results;
}

/** A string equal for deep-equal JSON values; undefined when the value holds a function. */
function canonicalKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value}`;
    case 'boolean':
      return `b${value}`;
    case 'undefined':
      return 'u';
    case 'object': {
      if (value === null) return 'z';
      try {
        const out = JSON.stringify(value, (_key, inner: unknown) => {
          if (typeof inner === 'function') throw FUNCTION_INSIDE;
          if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
            const sorted: Record<string, unknown> = {};
            for (const k of Object.keys(inner).sort()) sorted[k] = (inner as Record<string, unknown>)[k];
            return sorted;
          }
          return inner;
        });
        return `o${out}`;
      } catch (error) {
        if (error === FUNCTION_INSIDE) return undefined;
        throw error;
      }
    }
    default:
      return undefined;
  }
}

const FUNCTION_INSIDE = new Error('a function inside');
