import { randomUUID } from 'node:crypto';
import { type NewAuditLogEntry, QueryCounter } from '@connectors/db';
import { describeEachDialect, seedWorkspace } from '@connectors/db/testing';
import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { AuditWriter } from '../src/security/audit-writer';

/**
 * The audit writer's group commit: concurrent entries share one multi-row insert, each caller resolves
 * once the insert holding its entry is done, and a failed insert reaches every caller it concerned.
 */
describeEachDialect('audit writer', (ctx) => {
  const entry = (workspaceId: string, resourceId: string): NewAuditLogEntry => ({
    workspace_id: workspaceId,
    actor_user_id: null,
    actor_api_key_id: null,
    action: 'update',
    resource_type: 'contact',
    resource_id: resourceId,
    resource_name: null,
    method: 'PATCH',
    route: '/api/v1/contacts/:id',
    status: 200,
  });

  async function storedIds(workspaceId: string): Promise<string[]> {
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select('resource_id')
      .where('workspace_id', '=', workspaceId)
      .execute();
    return rows.map((r) => r.resource_id as string).sort();
  }

  it('stores concurrent entries in one insert, each caller resolving once its row is stored', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const counter = new QueryCounter();
    const writer = new AuditWriter(ctx.db.withPlugin(counter));
    const ids = Array.from({ length: 50 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    const stored: number[] = [];
    await Promise.all(
      ids.map(async (id) => {
        await writer.record(entry(workspace.id, id));
        // Resolved only after the insert: the row is already there.
        stored.push((await storedIds(workspace.id)).length);
      }),
    );
    expect(counter.tally()).toEqual({ 'insert audit_log': 1 });
    expect(stored.every((n) => n === 50)).toBe(true);
    expect(await storedIds(workspace.id)).toEqual(ids);
  });

  it('caps a batch at maxBatch rows', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const counter = new QueryCounter();
    const writer = new AuditWriter(ctx.db.withPlugin(counter), { maxBatch: 20 });
    await Promise.all(Array.from({ length: 45 }, (_, i) => writer.record(entry(workspace.id, `a${i}`))));
    expect(counter.tally()).toEqual({ 'insert audit_log': 3 }); // 20, 20 and 5
    expect(await storedIds(workspace.id)).toHaveLength(45);
  });

  it('puts what arrives during an insert into the next one, and starts afresh once idle', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const counter = new QueryCounter();
    const writer = new AuditWriter(ctx.db.withPlugin(counter));
    const first = Array.from({ length: 10 }, (_, i) => writer.record(entry(workspace.id, `a${i}`)));
    // The insert of the first ten starts on the next turn of the event loop; these five come after it.
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 5 }, (_, i) => writer.record(entry(workspace.id, `b${i}`)));
    await Promise.all([...first, ...later]);
    expect(counter.tally()).toEqual({ 'insert audit_log': 2 });
    expect(await storedIds(workspace.id)).toHaveLength(15);
    await writer.record(entry(workspace.id, 'c0'));
    await writer.flush();
    expect(counter.tally()).toEqual({ 'insert audit_log': 3 });
    expect(await storedIds(workspace.id)).toHaveLength(16);
  });

  it('rejects every caller of an insert that failed, and recovers for the next entries', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    let failing = true;
    const outage: KyselyPlugin = {
      transformQuery(args) {
        if (failing) throw new Error('connection lost');
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    };
    const writer = new AuditWriter(ctx.db.withPlugin(outage));
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => writer.record(entry(workspace.id, `x${i}`))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill('rejected'));
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ message: 'connection lost' });
    expect(await storedIds(workspace.id)).toEqual([]);

    failing = false;
    await Promise.all([writer.record(entry(workspace.id, 'y0')), writer.record(entry(workspace.id, 'y1'))]);
    expect(await storedIds(workspace.id)).toEqual(['y0', 'y1']);
  });

  it('loses only the entry whose own row is refused, not the others of its batch', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const writer = new AuditWriter(ctx.db);
    // A workspace deleted by the very request being audited: its row breaks the foreign key.
    const gone = entry(randomUUID(), 'gone');
    const results = await Promise.allSettled([
      writer.record(entry(workspace.id, 'k0')),
      writer.record(gone),
      writer.record(entry(workspace.id, 'k1')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await storedIds(workspace.id)).toEqual(['k0', 'k1']);
  });
});
