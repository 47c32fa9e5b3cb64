import { type SelectQueryBuilder, sql } from 'kysely';
import { decodeCursor } from './keyset-cursor';

/**
 * Narrows a list query to one keyset page, newest first: rows strictly after `cursor` in
 * (created_at DESC, id DESC) order, `limit + 1` of them so `toPage` can tell whether another page
 * exists. Every paginated list walks the same `(workspace_id, created_at, id)` shape, so they share it.
 * `table` names the alias to qualify the columns with when the query joins other tables.
 * Throws `InvalidCursorError` for a cursor `encodeCursor` did not make.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  cursor: string | null | undefined,
  limit: number,
  table?: string,
): SelectQueryBuilder<DB, TB, O> {
  const createdAt = sql.ref(table ? `${table}.created_at` : 'created_at');
  const id = sql.ref(table ? `${table}.id` : 'id');
  let page = query;
  if (cursor) {
    const after = decodeCursor(cursor);
    page = page.where(sql<boolean>`(${createdAt}, ${id}) < (${after.createdAt}, ${after.id})`);
  }
  return page
    .orderBy(createdAt, 'desc')
    .orderBy(id, 'desc')
    .limit(limit + 1);
}
