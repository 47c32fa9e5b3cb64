import type { Executor } from '../database';
import { type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { keysetPage } from '../pagination/keyset-query';
import { isUuid } from '../sql/is-uuid';
import type { AuditLogEntry, NewAuditLogEntry } from '../tables/audit-log.table';

/** Records one audited action. */
export async function recordAuditEntry(db: Executor, entry: NewAuditLogEntry): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}

/** Records several audited actions in one multi-row insert: all of them, or none if it fails. */
export async function recordAuditEntries(db: Executor, entries: readonly NewAuditLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values([...entries])
    .execute();
}

export interface ListAuditOptions extends PageOptions {
  resourceType?: string;
  resourceId?: string;
}

/** An entry as listed: with the acting user's e-mail, so a teammate's change names them. */
export type ListedAuditEntry = AuditLogEntry & { actor_email: string | null };

/** The workspace's audit log, newest first, a keyset page at a time. */
export async function listAuditEntries(
  db: Executor,
  workspaceId: string,
  options: ListAuditOptions = {},
): Promise<Page<ListedAuditEntry>> {
  const limit = pageSize(options.limit);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  let query = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (options.resourceType) query = query.where('resource_type', '=', options.resourceType);
  if (options.resourceId) query = query.where('resource_id', '=', options.resourceId);
  const rows = await keysetPage(query, options.cursor, limit).execute();
  return toPage(await withActorEmails(db, await withResourceNames(db, workspaceId, rows)), limit);
}

/** Adds each actor's e-mail (one query per page; null once the user was deleted). */
async function withActorEmails(db: Executor, rows: AuditLogEntry[]): Promise<ListedAuditEntry[]> {
  const ids = [...new Set(rows.map((r) => r.actor_user_id).filter((id): id is string => id !== null))];
  const users = ids.length
    ? await db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute()
    : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    ...r,
    actor_email: r.actor_user_id ? (emails.get(r.actor_user_id) ?? null) : null,
  }));
}

/**
 * Names entries recorded without one (a run's answer does not say what ran): from the newest entry of the
 * same resource that has a name, else from the connector or flow itself. Two queries per page at most.
 */
async function withResourceNames(
  db: Executor,
  workspaceId: string,
  rows: AuditLogEntry[],
): Promise<AuditLogEntry[]> {
  const unnamed = rows.filter((r) => r.resource_name === null && r.resource_id !== null);
  if (unnamed.length === 0) return rows;
  const key = (type: string, id: string) => `${type}\u0000${id}`;
  const names = new Map<string, string>();
  const known = await db
    .selectFrom('audit_log')
    .select(['resource_type', 'resource_id', 'resource_name'])
    .distinctOn(['resource_type', 'resource_id'])
    .where('workspace_id', '=', workspaceId)
    .where('resource_id', 'in', [...new Set(unnamed.map((r) => r.resource_id as string))])
    .where('resource_name', 'is not', null)
    .orderBy('resource_type')
    .orderBy('resource_id')
    .orderBy('created_at', 'desc')
    .execute();
  for (const k of known) names.set(key(k.resource_type, k.resource_id as string), k.resource_name as string);

  const live = (type: string) =>
    unnamed
      .filter((r) => r.resource_type === type && !names.has(key(type, r.resource_id as string)))
      .map((r) => r.resource_id as string)
      .filter(isUuid);
  const [connectorIds, flowIds] = [live('connector'), live('flow')];
  const current = await Promise.all([
    connectorIds.length
      ? db
          .selectFrom('connectors')
          .select(['id', 'name'])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', connectorIds)
          .execute()
      : [],
    flowIds.length
      ? db
          .selectFrom('flows')
          .select(['id', 'name'])
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', flowIds)
          .execute()
      : [],
  ]);
  for (const c of current[0]) names.set(key('connector', c.id), c.name);
  for (const f of current[1]) names.set(key('flow', f.id), f.name);

  return rows.map((r) =>
    r.resource_name === null && r.resource_id !== null
      ? { ...r, resource_name: names.get(key(r.resource_type, r.resource_id)) ?? null }
      : r,
  );
}
