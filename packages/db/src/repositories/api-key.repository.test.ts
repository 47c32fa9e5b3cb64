import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedWorkspace } from '../testing/fixtures';
import { createApiKey, findApiKeyByHash, listApiKeys, revokeApiKey } from './api-key.repository';

describeEachDialect('api key repository', (ctx) => {
  it('finds a key by hash, touching last_used_at, until it is revoked', async () => {
    const { user, workspace } = await seedWorkspace(ctx.db);
    const hash = `h-${randomUUID()}`;
    const key = await createApiKey(ctx.db, {
      workspace_id: workspace.id,
      name: 'CI',
      key_hash: hash,
      prefix: 'ck_live_ab',
      created_by: user.id,
    });
    expect(key).not.toHaveProperty('key_hash');
    expect(key.last_used_at).toBeNull();
    const found = await findApiKeyByHash(ctx.db, hash);
    expect(found?.workspace_id).toBe(workspace.id);
    expect(found?.last_used_at).toBeInstanceOf(Date);
    expect(await revokeApiKey(ctx.db, workspace.id, key.id)).toEqual({ name: key.name });
    expect(await findApiKeyByHash(ctx.db, hash)).toBeUndefined();
    expect(await revokeApiKey(ctx.db, workspace.id, key.id)).toBeUndefined();
  });

  it('writes last_used_at at most once a minute, and answers it as of now either way', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const hash = `h-${randomUUID()}`;
    const key = await createApiKey(ctx.db, {
      workspace_id: workspace.id,
      name: 'a',
      key_hash: hash,
      prefix: 'p',
    });
    const stored = async () =>
      (await ctx.db.selectFrom('api_keys').select('last_used_at').where('id', '=', key.id).executeTakeFirst())
        ?.last_used_at;
    const first = await findApiKeyByHash(ctx.db, hash);
    const written = await stored();
    expect(written).toBeInstanceOf(Date);
    expect(first?.last_used_at).toEqual(written);
    // Within the minute: nothing is written, and the answer is the stored time.
    await findApiKeyByHash(ctx.db, hash);
    expect(await stored()).toEqual(written);
    // Older than a minute: written again.
    await ctx.db
      .updateTable('api_keys')
      .set({ last_used_at: new Date(Date.now() - 5 * 60_000) })
      .where('id', '=', key.id)
      .execute();
    const again = await findApiKeyByHash(ctx.db, hash);
    expect((await stored())?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(again?.last_used_at?.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps hashes unique', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const input = { workspace_id: workspace.id, name: 'a', key_hash: `h-${randomUUID()}`, prefix: 'p' };
    await createApiKey(ctx.db, input);
    await expect(createApiKey(ctx.db, input)).rejects.toMatchObject({ code: '23505' });
  });

  it('scopes listing and revocation to the workspace', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const key = await createApiKey(ctx.db, {
      workspace_id: workspace.id,
      name: 'mine',
      key_hash: `h-${randomUUID()}`,
      prefix: 'p',
    });
    expect(await listApiKeys(ctx.db, other.id)).toEqual([]);
    expect(await revokeApiKey(ctx.db, other.id, key.id)).toBeUndefined();
    expect((await listApiKeys(ctx.db, workspace.id)).map((k) => k.id)).toEqual([key.id]);
  });
});
