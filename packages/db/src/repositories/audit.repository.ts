import type { Executor } from '../database';
import { decodeCursor, type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { isUuid } from '../sql/is-uuid';
import type { AuditLogEntry, NewAuditLogEntry } from '../tables/audit-log.table';

/** Records one audited action. */
export async function recordAuditEntry(db: Executor, entry: NewAuditLogEntry): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}

export interface ListAuditOptions extends PageOptions {
  resourceType?: string;
  resourceId?: string;
}

/** The workspace's audit log, newest first, a keyset page at a time. */
export async function listAuditEntries(
  db: Executor,
  workspaceId: string,
  options: ListAuditOptions = {},
): Promise<Page<AuditLogEntry>> {
  const limit = pageSize(options.limit);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  let query = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (options.resourceType) query = query.where('resource_type', '=', options.resourceType);
  if (options.resourceId) query = query.where('resource_id', '=', options.resourceId);
  if (options.cursor) {
    const after = decodeCursor(options.cursor);
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit);
}
