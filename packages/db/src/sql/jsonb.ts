import { type RawBuilder, sql } from 'kysely';

/**
 * A value for a `jsonb` column or expression: `CAST($1 AS jsonb)` with the value serialised by us, so it
 * means the same on `pg` (which would send a JavaScript array as a Postgres array) and PGlite.
 *
 * @example
 * db.insertInto('contacts').values({ workspace_id, metadata: jsonb({ tier: 'gold' }) })
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(${JSON.stringify(value)} as jsonb)`;
}

/**
 * A jsonb value as a statement parameter: its JSON text, or null for `null`/`undefined`. For a statement
 * whose text must not depend on the value (`QueryTemplates`, prepared statements): the SQL around it is
 * `cast($n as jsonb)` either way.
 */
export function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** `jsonb(value)`, or SQL NULL for `null`/`undefined`. */
export function nullableJsonb<T>(value: T | null | undefined): RawBuilder<T | null> {
  return value === null || value === undefined ? sql<null>`null` : jsonb<T>(value);
}
