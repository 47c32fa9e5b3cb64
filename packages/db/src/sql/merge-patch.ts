/** A plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * JSON Merge Patch (RFC 7396) of `patch` onto `target`, returning a new value: objects merge key by key
 * at every depth, `null` deletes a key, anything else (arrays included) replaces. `undefined` values are
 * ignored, as JSON would drop them.
 *
 * Used for `contacts.metadata`: `jsonb || jsonb` in SQL merges only the top level, so
 * `{ x: { y: 1 } } || { x: { z: 2 } }` would lose `x.y`.
 *
 * @example
 * mergePatch({ a: { b: 1, c: 2 } }, { a: { c: null, d: 3 } }) // { a: { b: 1, d: 3 } }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const result: Record<string, unknown> = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    // defineProperty, not assignment: a "__proto__" key from parsed JSON must stay a plain key.
    Object.defineProperty(result, key, {
      value: mergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
