import { type Executor, listContacts } from '@connectors/db';
import { sql } from 'kysely';
import { ApiError } from '../errors/api-error';
import type { BulkBody } from '../schemas/bulk-run.schema';

/** Most contacts one bulk run covers. */
export const MAX_BULK_CONTACTS = 10_000;

const PAGE = 200;

/**
 * The contacts a bulk run covers, in order, fixed now: the ids given (each must be a contact of the
 * workspace: 400 naming `contactIds.<i>` otherwise; repeats are dropped), or every contact matching the
 * same search as `GET /contacts?search=` (all contacts without one), newest first.
 */
export async function resolveBulkContacts(
  db: Executor,
  workspaceId: string,
  body: BulkBody,
): Promise<string[]> {
  if (body.contactIds) {
    const given = body.contactIds;
    const ids = [...new Set(given)];
    const found = new Set(
      (
        await db
          .selectFrom('contacts')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where(sql<boolean>`id::text = any(${sql.val(ids)}::text[])`)
          .execute()
      ).map((row) => row.id),
    );
    const unknown = given
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !found.has(id))
      .slice(0, 20);
    if (unknown.length > 0) {
      throw new ApiError(
        400,
        'validation_failed',
        `${unknown.length === 1 ? 'A contact is' : 'Contacts are'} not in this workspace`,
        unknown.map(({ index }) => ({
          path: `contactIds.${index}`,
          message: 'No such contact in this workspace',
        })),
      );
    }
    return ids;
  }
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listContacts(db, workspaceId, {
      ...(body.filter?.search ? { search: body.filter.search } : {}),
      cursor,
      limit: PAGE,
    });
    ids.push(...page.data.map((contact) => contact.id));
    cursor = page.nextCursor;
    if (ids.length > MAX_BULK_CONTACTS) {
      throw new ApiError(
        400,
        'too_many_contacts',
        `More than ${MAX_BULK_CONTACTS} contacts match: narrow the search or run in several bulk runs`,
        [{ path: 'filter.search', message: `matches more than ${MAX_BULK_CONTACTS} contacts` }],
      );
    }
  } while (cursor);
  return ids;
}
