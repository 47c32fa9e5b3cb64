import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedWorkspace } from '../testing/fixtures';
import { returnExecutionQuota, takeExecutionQuota } from './quota.repository';

describeEachDialect('execution quota repository', (ctx) => {
  it('allows exactly `limit` of many concurrent takes per window, per workspace', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    // A long window, so the test never straddles two.
    const options = { limit: 7, windowMs: 3_600_000 };
    const decisions = await Promise.all(
      Array.from({ length: 40 }, () => takeExecutionQuota(ctx.db, workspace.id, options)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(33);
    for (const d of refused) {
      expect(d.used).toBe(7);
      expect(d.resetInMs).toBeGreaterThan(0);
      expect(d.resetInMs).toBeLessThanOrEqual(3_600_000);
    }
    expect((await takeExecutionQuota(ctx.db, other.id, options)).allowed).toBe(true);

    await returnExecutionQuota(ctx.db, workspace.id, options);
    expect(await takeExecutionQuota(ctx.db, workspace.id, options)).toMatchObject({ allowed: true, used: 7 });
    expect((await takeExecutionQuota(ctx.db, workspace.id, options)).allowed).toBe(false);
  });

  it('starts a new count when the window has passed', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const options = { limit: 1, windowMs: 60_000 };
    expect((await takeExecutionQuota(ctx.db, workspace.id, options)).allowed).toBe(true);
    expect((await takeExecutionQuota(ctx.db, workspace.id, options)).allowed).toBe(false);
    // As if the last window were an hour ago.
    await sql`UPDATE workspace_execution_quotas SET window_start = window_start - interval '1 hour'
      WHERE workspace_id = ${workspace.id}`.execute(ctx.db);
    expect(await takeExecutionQuota(ctx.db, workspace.id, options)).toMatchObject({ allowed: true, used: 1 });
    // A unit is not given back to a window that has ended.
    await sql`UPDATE workspace_execution_quotas SET window_start = window_start - interval '1 hour'
      WHERE workspace_id = ${workspace.id}`.execute(ctx.db);
    await returnExecutionQuota(ctx.db, workspace.id, options);
    const row = await ctx.db
      .selectFrom('workspace_execution_quotas')
      .select('used')
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(row.used).toBe(1);
  });
});
