import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { GeneratedTimestamp } from './column-types';

/** `users`: e-mail is unique case-insensitively (index on `lower(email)`). */
export interface UserTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  name: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
