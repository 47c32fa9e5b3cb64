import { sql } from 'kysely';
import type { Executor } from '../database';
import { EmailTakenError } from '../errors/email-taken.error';
import { isUniqueViolation } from '../errors/unique-violation';
import { isUuid } from '../sql/is-uuid';
import type { User } from '../tables/user.table';

/** What a new user needs; the password arrives already hashed. */
export interface CreateUserInput {
  email: string;
  password_hash: string;
  name?: string | null;
}

/**
 * Creates a user. The e-mail is stored trimmed, as typed; uniqueness ignores case.
 * @throws EmailTakenError when another user has the same e-mail in any case.
 */
export async function createUser(db: Executor, input: CreateUserInput): Promise<User> {
  const email = input.email.trim();
  try {
    return await db
      .insertInto('users')
      .values({ email, password_hash: input.password_hash, name: input.name ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_lower_key')) throw new EmailTakenError(email, { cause: error });
    throw error;
  }
}

/** Finds a user by e-mail, case-insensitively. */
export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Finds a user by id. */
export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
