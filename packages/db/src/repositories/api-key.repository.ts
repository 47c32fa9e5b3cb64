import { sql } from 'kysely';
import type { Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { QueryTemplates } from '../sql/query-template';
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
 * How stale `last_used_at` may get before a request writes it again. Writing it on every request made
 * each API call a row update (and a row lock every request with the same key queued on); a minute is
 * as precise as "last used" needs to be.
 */
const TOUCH_AFTER = sql<Date>`now() - interval '1 minute'`;

/** Statements built once per shape (`QueryTemplates`): every request with an API key sends one. */
const templates = new QueryTemplates();

/**
 * Authenticates a key: the unrevoked key with this hash, with `last_used_at` brought up to now when it
 * is more than a minute old — one statement, which writes only then. Not scoped by workspace — this is
 * how a request's workspace is found.
 */
export async function findApiKeyByHash(db: Executor, keyHash: string): Promise<ApiKeySummary | undefined> {
  const { rows } = await templates.executeNamed(db, 'api-key', { keyHash }, (p) =>
    keyStatement(db, p.keyHash),
  );
  return rows[0];
}

/** The statement of `findApiKeyByHash`. */
function keyStatement(db: Executor, keyHash: unknown) {
  return db
    .with('key', (qb) =>
      qb
        .selectFrom('api_keys')
        .select(SUMMARY_COLUMNS)
        .where('key_hash', '=', keyHash as string)
        .where('revoked_at', 'is', null),
    )
    .with('touched', (qb) =>
      qb
        .updateTable('api_keys')
        .from('key')
        .set({ last_used_at: sql<Date>`now()` })
        .whereRef('api_keys.id', '=', 'key.id')
        .where((eb) => eb.or([eb('key.last_used_at', 'is', null), eb('key.last_used_at', '<', TOUCH_AFTER)]))
        .returning('api_keys.id'),
    )
    .selectFrom('key')
    .select([
      'id',
      'workspace_id',
      'name',
      'prefix',
      'created_by',
      'created_at',
      'revoked_at',
      // now() rounded as the column stores it (timestamptz(3)), so the answer equals what was written.
      sql<Date>`case when last_used_at is null or last_used_at < ${TOUCH_AFTER} then now()::timestamptz(3) else last_used_at end`.as(
        'last_used_at',
      ),
    ]);
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
export async function revokeApiKey(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<{ name: string } | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('name')
    .executeTakeFirst();
}
