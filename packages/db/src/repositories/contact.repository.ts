import { sql } from 'kysely';
import type { Executor } from '../database';
import { type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { keysetPage } from '../pagination/keyset-query';
import { containsPattern } from '../sql/escape-like';
import { isUuid } from '../sql/is-uuid';
import { jsonb } from '../sql/jsonb';
import { isJsonObject, mergePatch } from '../sql/merge-patch';
import { withTransaction } from '../sql/with-transaction';
import type { Contact } from '../tables/contact.table';

/** A contact's writable fields (the API's names). */
export interface ContactFields {
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  company?: string | null;
  title?: string | null;
  metadata?: Record<string, unknown>;
}

/** Filters for `listContacts`. */
export interface ListContactsOptions extends PageOptions {
  /** Matches e-mail, first name, last name or "first last", case-insensitively, anywhere. */
  search?: string;
  /** Exact e-mail, case-insensitive. */
  email?: string;
}

const SCALAR_FIELDS = ['email', 'first_name', 'last_name', 'phone', 'company', 'title'] as const;

function scalarValues(fields: ContactFields): Partial<Record<(typeof SCALAR_FIELDS)[number], string | null>> {
  const values: Partial<Record<(typeof SCALAR_FIELDS)[number], string | null>> = {};
  for (const key of SCALAR_FIELDS) if (fields[key] !== undefined) values[key] = fields[key];
  return values;
}

/** Creates a contact in the workspace. */
export async function createContact(
  db: Executor,
  workspaceId: string,
  fields: ContactFields,
): Promise<Contact> {
  return db
    .insertInto('contacts')
    .values({ workspace_id: workspaceId, ...scalarValues(fields), metadata: jsonb(fields.metadata ?? {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A contact of the workspace; undefined for another workspace's id. */
export async function getContact(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<Contact | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The workspace's contacts, newest first, a page at a time. */
export async function listContacts(
  db: Executor,
  workspaceId: string,
  options: ListContactsOptions = {},
): Promise<Page<Contact>> {
  const limit = pageSize(options.limit);
  let query = db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
  if (options.email !== undefined) {
    query = query.where(sql`lower(email)`, '=', options.email.trim().toLowerCase());
  }
  const search = options.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    query = query.where((eb) =>
      eb.or([
        eb('email', 'ilike', pattern),
        eb('first_name', 'ilike', pattern),
        eb('last_name', 'ilike', pattern),
        eb(sql`coalesce(first_name, '') || ' ' || coalesce(last_name, '')`, 'ilike', pattern),
      ]),
    );
  }
  const rows = await keysetPage(query, options.cursor, limit).execute();
  return toPage(rows, limit);
}

/**
 * Updates the given fields of a contact. `metadata` is a JSON Merge Patch (RFC 7396) applied at every
 * depth: `{ x: { y: 1 } }` keeps `x`'s other keys, `null` deletes a key. The merge runs in TypeScript
 * between a `SELECT … FOR UPDATE` and the `UPDATE`, in one short transaction (the caller's, if `db` is
 * one), because SQL's `jsonb || jsonb` only merges the top level.
 *
 * @returns the updated contact, or undefined if the workspace has no such contact.
 */
export async function updateContact(
  db: Executor,
  workspaceId: string,
  id: string,
  fields: ContactFields,
): Promise<Contact | undefined> {
  if (!isUuid(id)) return undefined;
  if (fields.metadata === undefined) return writeContact(db, workspaceId, id, scalarValues(fields));
  const patch = fields.metadata;
  return withTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('contacts')
      .select('metadata')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return undefined;
    const merged = mergePatch(current.metadata, patch);
    const metadata = isJsonObject(merged) ? merged : {};
    return writeContact(trx, workspaceId, id, { ...scalarValues(fields), metadata });
  });
}

/** Replaces every field of a contact (PUT): omitted fields become null, `metadata` is replaced whole. */
export async function replaceContact(
  db: Executor,
  workspaceId: string,
  id: string,
  fields: ContactFields,
): Promise<Contact | undefined> {
  if (!isUuid(id)) return undefined;
  const values: Record<(typeof SCALAR_FIELDS)[number], string | null> = {
    email: null,
    first_name: null,
    last_name: null,
    phone: null,
    company: null,
    title: null,
  };
  return writeContact(db, workspaceId, id, {
    ...values,
    ...scalarValues(fields),
    metadata: fields.metadata ?? {},
  });
}

async function writeContact(
  db: Executor,
  workspaceId: string,
  id: string,
  values: Partial<Record<(typeof SCALAR_FIELDS)[number], string | null>> & {
    metadata?: Record<string, unknown>;
  },
): Promise<Contact | undefined> {
  const { metadata, ...scalars } = values;
  return db
    .updateTable('contacts')
    .set({
      ...scalars,
      ...(metadata === undefined ? {} : { metadata: jsonb(metadata) }),
      updated_at: sql<Date>`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes a contact of the workspace; false if there is none. Its executions keep running history. */
export async function deleteContact(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const result = await db
    .deleteFrom('contacts')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
