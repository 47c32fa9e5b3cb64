import { sql } from 'kysely';
import type { Executor } from '../database';
import { jsonb } from '../sql/jsonb';
import type { EncryptedValue } from '../tables/column-types';
import type { WorkspaceApiCredential } from '../tables/workspace-api-credential.table';

/** A stored credential without its secrets, as listed to users. */
export type CredentialSummary = Omit<WorkspaceApiCredential, 'credentials'> & { fields: string[] };

/** A credential to store: every field already encrypted. */
export interface UpsertCredentialInput {
  service_name: string;
  credentials: Record<string, EncryptedValue>;
  allowed_hosts: string[];
  created_by?: string | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'workspace_id',
  'service_name',
  'allowed_hosts',
  'created_by',
  'created_at',
  'updated_at',
  'last_used_at',
] as const;

/** Field names of the encrypted object, so the UI can show which secrets are set. */
const FIELD_NAMES = sql<string[]>`array(select jsonb_object_keys(credentials) order by 1)`;

/**
 * Stores the workspace's credential for a service, replacing the previous one (its secrets and hosts)
 * if any. `created_by` is kept from the first version.
 */
export async function upsertCredential(
  db: Executor,
  workspaceId: string,
  input: UpsertCredentialInput,
): Promise<CredentialSummary> {
  return db
    .insertInto('workspace_api_credentials')
    .values({
      workspace_id: workspaceId,
      service_name: input.service_name,
      credentials: jsonb(input.credentials),
      allowed_hosts: input.allowed_hosts,
      created_by: input.created_by ?? null,
    })
    .onConflict((oc) =>
      oc.constraint('workspace_api_credentials_unique').doUpdateSet((eb) => ({
        credentials: eb.ref('excluded.credentials'),
        allowed_hosts: eb.ref('excluded.allowed_hosts'),
        updated_at: sql<Date>`now()`,
      })),
    )
    .returning(SUMMARY_COLUMNS)
    .returning(FIELD_NAMES.as('fields'))
    .executeTakeFirstOrThrow();
}

/** The workspace's credentials, by service name, without secrets. */
export async function listCredentials(db: Executor, workspaceId: string): Promise<CredentialSummary[]> {
  return db
    .selectFrom('workspace_api_credentials')
    .select(SUMMARY_COLUMNS)
    .select(FIELD_NAMES.as('fields'))
    .where('workspace_id', '=', workspaceId)
    .orderBy('service_name')
    .execute();
}

/** The workspace's credential for a service, with its encrypted secrets (for the runner only). */
export async function getCredential(
  db: Executor,
  workspaceId: string,
  serviceName: string,
): Promise<WorkspaceApiCredential | undefined> {
  return db
    .selectFrom('workspace_api_credentials')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('service_name', '=', serviceName)
    .executeTakeFirst();
}

/** Notes that a credential was used by a run. */
export async function touchCredential(db: Executor, workspaceId: string, serviceName: string): Promise<void> {
  await db
    .updateTable('workspace_api_credentials')
    .set({ last_used_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('service_name', '=', serviceName)
    .execute();
}

/** Deletes the workspace's credential for a service; false if there is none. */
export async function deleteCredential(
  db: Executor,
  workspaceId: string,
  serviceName: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('workspace_api_credentials')
    .where('workspace_id', '=', workspaceId)
    .where('service_name', '=', serviceName)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
