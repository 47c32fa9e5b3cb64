import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedWorkspace } from '../testing/fixtures';
import { createSession, deleteExpiredSessions, deleteSession, findValidSession } from './session.repository';

describeEachDialect('session repository', (ctx) => {
  it('finds a valid session until it is deleted', async () => {
    const { user } = await seedWorkspace(ctx.db);
    const id = `hash-${randomUUID()}`;
    await createSession(ctx.db, { id, user_id: user.id, expires_at: new Date(Date.now() + 60_000) });
    expect((await findValidSession(ctx.db, id))?.user_id).toBe(user.id);
    expect(await deleteSession(ctx.db, id)).toBe(true);
    expect(await findValidSession(ctx.db, id)).toBeUndefined();
    expect(await deleteSession(ctx.db, id)).toBe(false);
  });

  it('does not return an expired session, and sweeps it', async () => {
    const { user } = await seedWorkspace(ctx.db);
    const id = `hash-${randomUUID()}`;
    await createSession(ctx.db, { id, user_id: user.id, expires_at: new Date(Date.now() - 1000) });
    expect(await findValidSession(ctx.db, id)).toBeUndefined();
    expect(await deleteExpiredSessions(ctx.db)).toBeGreaterThanOrEqual(1);
  });
});
