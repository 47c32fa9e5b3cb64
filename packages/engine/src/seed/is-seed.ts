/** Whether `value` is a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a connector `config` is in the seed's list form (`steps`, or a single step's `url`) rather than
 * the canonical `{ version, nodes, edges }`. A config with `nodes` is never treated as the seed's form.
 */
export function isSeedConfig(value: unknown): boolean {
  if (!isRecord(value) || 'nodes' in value) return false;
  return 'steps' in value || 'url' in value;
}

/** Whether a create/update body uses the seed's list form: `steps` at the top level or a seed `config`. */
export function isSeedConnector(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if ('steps' in body && body.steps !== undefined && !(isRecord(body.config) && 'nodes' in body.config))
    return true;
  return isSeedConfig(body.config);
}
