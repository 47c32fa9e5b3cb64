/** Reads a value as JSONata's `$boolean()` does, so a condition means what the JSONata docs say. */
export function jsonataBoolean(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'function') return false;
  if (Array.isArray(value)) return value.some(jsonataBoolean);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return false;
}
