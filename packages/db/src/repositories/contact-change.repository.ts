import { sql } from 'kysely';
import type { Executor } from '../database';
import { type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { keysetPage } from '../pagination/keyset-query';
import { isUuid } from '../sql/is-uuid';
import { jsonb } from '../sql/jsonb';
import type { ContactChange, FieldChange } from '../tables/contact-change.table';

/** Which run wrote a contact: a connector execution, or a flow's `update_contact` node. */
export interface ContactWriteSource {
  executionId?: string | null;
  connectorId?: string | null;
  flowRunId?: string | null;
  nodeId?: string | null;
}

/** One entry of a contact's history: a write, the run behind it, and the fields it changed. */
export interface ContactHistoryEntry extends ContactChange {
  connector_name: string | null;
  /** When the run ended (the write's time for a flow's update_contact node). */
  completed_at: Date;
}

/** The run that last set one field of a contact, and the value it set. */
export interface FieldProvenance {
  field: string;
  value: unknown;
  execution_id: string | null;
  connector_id: string | null;
  connector_name: string | null;
  flow_run_id: string | null;
  at: Date;
}

/**
 * Records the fields a run changed on a contact, inside the caller's transaction (the one that wrote
 * the contact). Nothing is stored when nothing changed.
 */
export async function recordContactChanges(
  db: Executor,
  workspaceId: string,
  contactId: string,
  source: ContactWriteSource,
  changes: FieldChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await db
    .insertInto('contact_changes')
    .values({
      workspace_id: workspaceId,
      contact_id: contactId,
      execution_id: source.executionId ?? null,
      connector_id: source.connectorId ?? null,
      flow_run_id: source.flowRunId ?? null,
      node_id: source.nodeId ?? null,
      changes: jsonb(changes),
    })
    .execute();
}

/** A contact's writes, newest first, a page at a time, with the connector's name and the run's end. */
export async function listContactHistory(
  db: Executor,
  workspaceId: string,
  contactId: string,
  options: PageOptions = {},
): Promise<Page<ContactHistoryEntry>> {
  if (!isUuid(contactId)) return { data: [], nextCursor: null };
  const limit = pageSize(options.limit);
  const query = db
    .selectFrom('contact_changes as cc')
    .leftJoin('connectors as c', 'c.id', 'cc.connector_id')
    .leftJoin('connector_executions as e', 'e.id', 'cc.execution_id')
    .selectAll('cc')
    .select([
      'c.name as connector_name',
      sql<Date>`coalesce(e.completed_at, cc.created_at)`.as('completed_at'),
    ])
    .where('cc.workspace_id', '=', workspaceId)
    .where('cc.contact_id', '=', contactId);
  const rows = await keysetPage(query, options.cursor, limit, 'cc').execute();
  return toPage(rows, limit);
}

/**
 * For each contact, the last run that changed each field (the newest write naming it), with the value
 * it wrote. The caller compares that value with the contact's current one: a field edited since by a
 * person has no run behind it any more.
 */
export async function listFieldProvenance(
  db: Executor,
  workspaceId: string,
  contactIds: string[],
): Promise<Map<string, FieldProvenance[]>> {
  const ids = [...new Set(contactIds.filter(isUuid))];
  const result = new Map<string, FieldProvenance[]>();
  if (ids.length === 0) return result;
  const rows = await sql<FieldProvenance & { contact_id: string }>`
    SELECT DISTINCT ON (cc.contact_id, ch->>'field')
      cc.contact_id, ch->>'field' AS field, ch->'new' AS value, cc.execution_id, cc.connector_id,
      c.name AS connector_name, cc.flow_run_id, cc.created_at AS at
    FROM contact_changes cc
    CROSS JOIN LATERAL jsonb_array_elements(cc.changes) AS ch
    LEFT JOIN connectors c ON c.id = cc.connector_id
    WHERE cc.workspace_id = ${workspaceId}
      AND cc.contact_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`))})
    ORDER BY cc.contact_id, ch->>'field', cc.seq DESC`.execute(db);
  for (const row of rows.rows) {
    const { contact_id, ...provenance } = row;
    const at = provenance.at instanceof Date ? provenance.at : new Date(provenance.at);
    const list = result.get(contact_id) ?? [];
    list.push({ ...provenance, at });
    result.set(contact_id, list);
  }
  return result;
}
