import { sql } from 'kysely';
import type { Executor } from '../database';
import type { Session } from '../tables/session.table';

/** A new session; `id` is the hash of the token handed to the browser. */
export interface CreateSessionInput {
  id: string;
  user_id: string;
  expires_at: Date;
}

/** Stores a session. */
export async function createSession(db: Executor, input: CreateSessionInput): Promise<Session> {
  return db.insertInto('sessions').values(input).returningAll().executeTakeFirstOrThrow();
}

/** The session with this id (token hash) if it has not expired. */
export async function findValidSession(db: Executor, id: string): Promise<Session | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Deletes a session (logout); true if it existed. */
export async function deleteSession(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Deletes every expired session; returns how many. */
export async function deleteExpiredSessions(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
