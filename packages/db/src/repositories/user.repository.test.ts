import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { EmailTakenError } from '../errors/email-taken.error';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { createUser, findUserByEmail, findUserById } from './user.repository';

describeEachDialect('user repository', (ctx) => {
  it('creates a user and finds it by e-mail in any case, and by id', async () => {
    const email = `Ada.${randomUUID()}@Example.com`;
    const user = await createUser(ctx.db, { email: ` ${email} `, password_hash: 'hash' });
    expect(user.email).toBe(email);
    expect((await findUserByEmail(ctx.db, email.toUpperCase()))?.id).toBe(user.id);
    expect((await findUserById(ctx.db, user.id))?.email).toBe(email);
  });

  it('refuses a second user with the same e-mail in another case', async () => {
    const email = `grace.${randomUUID()}@example.com`;
    await createUser(ctx.db, { email, password_hash: 'x' });
    await expect(
      createUser(ctx.db, { email: email.toUpperCase(), password_hash: 'y' }),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('answers undefined for unknown or malformed ids', async () => {
    expect(await findUserById(ctx.db, randomUUID())).toBeUndefined();
    expect(await findUserById(ctx.db, 'not-a-uuid')).toBeUndefined();
    expect(await findUserByEmail(ctx.db, 'nobody@example.com')).toBeUndefined();
  });
});
