import { sql } from 'kysely';
import type { Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import type { ApiKey } from '../tables/api-key.table';

/** An API key without its hash, as listed to users. */
export type ApiKeySummary = Omit<ApiKey, 'key_hash'>;

/** A new API key; only the hash of the secret and its displayable prefix are stored. */
export interface CreateApiKeyInput {
  workspace_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_by?: string | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'workspace_id',
  'name',
  'prefix',
  'created_by',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

/** Stores a new API key. */
export async function createApiKey(db: Executor, input: CreateApiKeyInput): Promise<ApiKeySummary> {
  return db
    .insertInto('api_keys')
    .values({ ...input, created_by: input.created_by ?? null })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
}

/**
 * Authenticates a key: the unrevoked key with this hash, with `last_used_at` set to now. Not scoped by
 * workspace — this is how a request's workspace is found.
 */
export async function findApiKeyByHash(db: Executor, keyHash: string): Promise<ApiKeySummary | undefined> {
  return db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirst();
}

/** The workspace's keys (revoked ones included), newest first. */
export async function listApiKeys(db: Executor, workspaceId: string): Promise<ApiKeySummary[]> {
  if (!isUuid(workspaceId)) return [];
  return db
    .selectFrom('api_keys')
    .select(SUMMARY_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes a key of the workspace; false if there is no such unrevoked key. */
export async function revokeApiKey(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
