import { type ContactWriteSource, type Executor, jsonb, recordContactChanges } from '@connectors/db';
import type { OutputFields } from '@connectors/engine/runtime';
import { sql } from 'kysely';
import { type ContactFieldChange, contactChanges, planContactUpdate } from './contact-update-plan';

export type { ContactWriteSource } from '@connectors/db';

/**
 * Applies a run's output fields to its contact, inside the caller's transaction (the one that also ends
 * the execution). The row is locked while the new values are computed from the current ones. With a
 * `source` (the run writing), the fields that changed are recorded in the contact's history in the
 * same transaction, so history and contact never disagree.
 *
 * @returns the changes written (possibly none), or false when the contact no longer exists (deleted
 * during the run): nothing is written.
 */
export async function applyOutputToContact(
  trx: Executor,
  workspaceId: string,
  contactId: string,
  fields: OutputFields,
  source?: ContactWriteSource,
): Promise<ContactFieldChange[] | false> {
  const current = await trx
    .selectFrom('contacts')
    .select(['email', 'first_name', 'last_name', 'phone', 'company', 'title', 'metadata'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return false;
  const plan = planContactUpdate(current, fields);
  const changes = contactChanges(current, plan);
  if (changes.length === 0) return changes;
  await trx
    .updateTable('contacts')
    .set({
      ...plan.columns,
      ...(plan.metadata === undefined ? {} : { metadata: jsonb(plan.metadata) }),
      updated_at: sql<Date>`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .execute();
  if (source) await recordContactChanges(trx, workspaceId, contactId, source, changes);
  return changes;
}
