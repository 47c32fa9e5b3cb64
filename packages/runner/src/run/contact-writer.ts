import { type Executor, jsonb } from '@connectors/db';
import type { OutputFields } from '@connectors/engine/runtime';
import { sql } from 'kysely';
import { planContactUpdate } from './contact-update-plan';

/**
 * Applies a run's output fields to its contact, inside the caller's transaction (the one that also ends
 * the execution). The row is locked while the new values are computed from the current ones.
 *
 * @returns false when the contact no longer exists (deleted during the run): nothing is written.
 */
export async function applyOutputToContact(
  trx: Executor,
  workspaceId: string,
  contactId: string,
  fields: OutputFields,
): Promise<boolean> {
  const current = await trx
    .selectFrom('contacts')
    .select(['email', 'first_name', 'last_name', 'phone', 'company', 'title', 'metadata'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return false;
  const plan = planContactUpdate(current, fields);
  if (Object.keys(plan.columns).length === 0 && plan.metadata === undefined) return true;
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
  return true;
}
