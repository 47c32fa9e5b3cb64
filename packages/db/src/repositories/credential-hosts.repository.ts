import { sql } from 'kysely';
import type { Executor } from '../database';

/**
 * Binds a credential that is bound to no host yet to `hosts` (DESIGN §7: "filled from the first URL that
 * uses it"). A credential already bound keeps its hosts: the update only matches an empty list, so of
 * two concurrent first uses one wins.
 *
 * @returns the hosts the credential is bound to now, or undefined if the workspace has no such service.
 */
export async function bindCredentialHostsIfUnbound(
  db: Executor,
  workspaceId: string,
  serviceName: string,
  hosts: string[],
): Promise<string[] | undefined> {
  const bound = await db
    .updateTable('workspace_api_credentials')
    .set({ allowed_hosts: hosts, updated_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('service_name', '=', serviceName)
    .where(sql<boolean>`cardinality(allowed_hosts) = 0`)
    .returning('allowed_hosts')
    .executeTakeFirst();
  if (bound) return bound.allowed_hosts;
  const current = await db
    .selectFrom('workspace_api_credentials')
    .select('allowed_hosts')
    .where('workspace_id', '=', workspaceId)
    .where('service_name', '=', serviceName)
    .executeTakeFirst();
  return current?.allowed_hosts;
}
