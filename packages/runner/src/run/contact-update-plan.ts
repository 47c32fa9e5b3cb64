import type { Contact } from '@connectors/db';
import type { OutputFields } from '@connectors/engine/runtime';

/** The contact columns an output mapping can write directly. */
export const CONTACT_COLUMNS = ['email', 'first_name', 'last_name', 'phone', 'company', 'title'] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

/** What to write to a contact: changed columns and, if it changed, the whole new `metadata`. */
export interface ContactUpdatePlan {
  columns: Partial<Record<ContactColumn, string>>;
  metadata: Record<string, unknown> | undefined;
}

type Current = Pick<Contact, ContactColumn | 'metadata'>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** Sets an own property even for names like `__proto__` (mapping targets are user text). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `source` merged into `target` at every depth (objects merge, anything else replaces); a new object. */
function deepMerge(target: unknown, source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(source)) {
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    setOwn(out, key, isObject(value) && isObject(existing) ? deepMerge(existing, value) : value);
  }
  return out;
}

/** Writes `value` at `path` inside `root` (a copy along the path), honouring `if_empty`. */
function setPath(
  root: Record<string, unknown>,
  path: string[],
  value: unknown,
  ifEmpty: boolean,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  const out = { ...root };
  const existing = Object.hasOwn(out, head) ? out[head] : undefined;
  if (rest.length === 0) {
    if (!ifEmpty || isEmpty(existing)) setOwn(out, head, value);
    return out;
  }
  // A scalar in the way of a deeper path is replaced by an object: the mapping names a nested field.
  setOwn(out, head, setPath(isObject(existing) ? existing : {}, rest, value, ifEmpty));
  return out;
}

/** Contact columns are text: numbers and booleans as written, objects and arrays as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

/**
 * Turns the output node's fields into a contact update (DESIGN §3 output node, issue 3 item 9):
 * - `email`, `first_name`, `last_name`, `phone`, `company`, `title` write those columns;
 * - `metadata.x.y` writes that path inside `metadata`, keeping every other key (deep merge);
 * - `metadata` itself with an object value is deep-merged into `metadata`;
 * - any other name (`industry`) is kept rather than lost: it is written as `metadata.industry`.
 * `write: "if_empty"` writes only where the contact has nothing (absent, null or an empty string).
 * Fields are applied in the order the output node lists them.
 */
export function planContactUpdate(current: Current, fields: OutputFields): ContactUpdatePlan {
  const columns: ContactUpdatePlan['columns'] = {};
  let metadata: Record<string, unknown> = isObject(current.metadata) ? current.metadata : {};
  let metadataChanged = false;
  for (const [target, { value, write }] of Object.entries(fields)) {
    const ifEmpty = write === 'if_empty';
    const column = CONTACT_COLUMNS.find((c) => c === target);
    if (column) {
      const existing = columns[column] ?? current[column];
      if (!ifEmpty || isEmpty(existing)) columns[column] = asText(value);
      continue;
    }
    const segments = target.split('.').filter((s) => s.length > 0);
    const path = segments[0] === 'metadata' ? segments.slice(1) : segments;
    if (path.length === 0) {
      if (!isObject(value)) continue; // `metadata` must stay an object
      metadata = ifEmpty ? deepMerge(value, metadata) : deepMerge(metadata, value);
    } else {
      metadata = setPath(metadata, path, value, ifEmpty);
    }
    metadataChanged = true;
  }
  return { columns, metadata: metadataChanged ? metadata : undefined };
}

/** One field an update changes: a column, or a `metadata.` path down to the value that differs. */
export interface ContactFieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The leaves where `after` differs from `before`, as dotted paths under `prefix` (absent = null). */
function metadataDiff(before: unknown, after: unknown, prefix: string, out: ContactFieldChange[]): void {
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      const b = Object.hasOwn(before, key) ? before[key] : undefined;
      const a = Object.hasOwn(after, key) ? after[key] : undefined;
      metadataDiff(b, a, `${prefix}.${key}`, out);
    }
    return;
  }
  if (!sameJson(before ?? null, after ?? null))
    out.push({ field: prefix, old: before ?? null, new: after ?? null });
}

/**
 * What a plan changes on the contact, field by field (old → new), for the contact's history and the
 * provenance of each field. Values the plan writes unchanged are not changes.
 */
export function contactChanges(current: Current, plan: ContactUpdatePlan): ContactFieldChange[] {
  const changes: ContactFieldChange[] = [];
  for (const column of CONTACT_COLUMNS) {
    const value = plan.columns[column];
    if (value !== undefined && value !== current[column]) {
      changes.push({ field: column, old: current[column], new: value });
    }
  }
  if (plan.metadata !== undefined) metadataDiff(current.metadata ?? {}, plan.metadata, 'metadata', changes);
  return changes;
}
