import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedWorkspace } from '../testing/fixtures';
import { QueryCounter } from './query-counter';
import { QueryTemplates } from './query-template';

describeEachDialect('QueryTemplates', (ctx) => {
  it("builds a shape once and runs it with each call's values, counted like any statement", async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const counter = new QueryCounter();
    const db = ctx.db.withPlugin(counter);
    const templates = new QueryTemplates(256, false); // counts its own builds only
    let builds = 0;
    const insert = (emails: string[]) =>
      templates.execute(db, `insert:${emails.length}`, [workspace.id, ...emails], (v) => {
        builds++;
        return db
          .insertInto('contacts')
          .values(v.slice(1).map((email) => ({ workspace_id: v[0] as string, email: email as string })))
          .returning(['email', 'workspace_id']);
      });
    expect((await insert(['a@x.io', 'b@x.io'])).rows).toEqual([
      { email: 'a@x.io', workspace_id: workspace.id },
      { email: 'b@x.io', workspace_id: workspace.id },
    ]);
    expect((await insert(['c@x.io', 'd@x.io'])).rows.map((r) => r.email)).toEqual(['c@x.io', 'd@x.io']);
    expect((await insert(['e@x.io'])).rows.map((r) => r.email)).toEqual(['e@x.io']);
    expect(builds).toBe(2); // one per shape: two rows, one row
    expect(counter.tally()).toEqual({ 'insert contacts': 3 });
  });

  it('does not keep a shape whose values were transformed while building, and still runs it right', async () => {
    const templates = new QueryTemplates(256, false); // counts its own builds only
    let builds = 0;
    const doubled = async (n: number) => {
      const { rows } = await templates.execute(ctx.db, 'doubled', [n], (v) => {
        builds++;
        const value = Number(v[0]) * 2; // not a parameter: the statement depends on the value
        return ctx.db.selectNoFrom(sql<number>`${value}::int`.as('n'));
      });
      return rows[0]?.n;
    };
    expect(await doubled(2)).toBe(4);
    expect(await doubled(5)).toBe(10);
    expect(builds).toBe(3); // the probe, then a plain build per call
  });

  it('leaves out a named value that is undefined, as Kysely leaves out an undefined column', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const contact = await ctx.db
      .insertInto('contacts')
      .values({ workspace_id: workspace.id, email: 'a@x.io', phone: '+1 555', title: 'CTO' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const templates = new QueryTemplates();
    const update = (values: { id: string; title: string; phone?: string | undefined }) =>
      templates.executeNamed(ctx.db, 'contact', values, (p) =>
        ctx.db
          .updateTable('contacts')
          .set({ title: p.title, ...('phone' in p ? { phone: p.phone } : {}) })
          .where('id', '=', p.id)
          .returning(['title', 'phone']),
      );
    expect((await update({ id: contact.id, title: 'CEO', phone: undefined })).rows).toEqual([
      { title: 'CEO', phone: '+1 555' },
    ]);
    expect((await update({ id: contact.id, title: 'CFO', phone: '+1 777' })).rows).toEqual([
      { title: 'CFO', phone: '+1 777' },
    ]);
  });

  it('passes a value used twice and keeps constants of the shape', async () => {
    const templates = new QueryTemplates();
    const pair = async (a: string) =>
      (
        await templates.execute(ctx.db, 'pair', [a], (v) =>
          ctx.db.selectNoFrom([
            sql<string>`${v[0]}::text`.as('x'),
            sql<string>`${v[0]}::text`.as('y'),
            sql<number>`${7}::int`.as('k'),
          ]),
        )
      ).rows[0];
    expect(await pair('one')).toEqual({ x: 'one', y: 'one', k: 7 });
    expect(await pair('two')).toEqual({ x: 'two', y: 'two', k: 7 });
  });

  it('under test, refuses a build that takes a value from its closure, which a template would replay', async () => {
    const { workspace: first } = await seedWorkspace(ctx.db);
    const { workspace: second } = await seedWorkspace(ctx.db);
    await ctx.db.insertInto('contacts').values({ workspace_id: second.id, email: 'b@x.io' }).execute();
    const countIn = async (templates: QueryTemplates, workspaceId: string) => {
      const { rows } = await templates.execute(
        ctx.db,
        'contacts-of',
        [],
        () =>
          ctx.db
            .selectFrom('contacts')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('workspace_id', '=', workspaceId), // from the closure: wrong on purpose
      );
      return Number(rows[0]?.n);
    };
    // What the check prevents: unchecked, the second call silently counts the first workspace's contacts.
    const unchecked = new QueryTemplates(256, false);
    expect(await countIn(unchecked, first.id)).toBe(0);
    expect(await countIn(unchecked, second.id)).toBe(0);

    const checked = new QueryTemplates();
    expect(checked.verify).toBe(true); // vitest sets VITEST
    expect(await countIn(checked, first.id)).toBe(0);
    await expect(countIn(checked, second.id)).rejects.toThrow(/"contacts-of".*closure/);
  });
});
