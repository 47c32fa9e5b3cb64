import type { Insertable, Selectable } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './column-types';

/** `sessions`: `id` is a hash of the cookie's token, never the token itself. */
export interface SessionTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: GeneratedTimestamp;
}

export type Session = Selectable<SessionTable>;
export type NewSession = Insertable<SessionTable>;
