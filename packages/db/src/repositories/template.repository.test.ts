import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { getTemplate, incrementTemplateUsage, listTemplates, upsertTemplates } from './template.repository';

describeEachDialect('template repository', (ctx) => {
  it('seeds templates idempotently, keeping ids and usage counts', async () => {
    const category = `cat-${randomUUID()}`;
    const [a] = await upsertTemplates(ctx.db, [
      { name: `Clearbit ${category}`, category, config: { version: 1, nodes: [], edges: [] } },
      {
        name: `HubSpot ${category}`,
        category,
        config: { version: 1, nodes: [], edges: [] },
        is_featured: true,
      },
    ]);
    if (!a) throw new Error('nothing seeded');
    await incrementTemplateUsage(ctx.db, a.id);
    await upsertTemplates(ctx.db, [{ name: a.name, category, description: 'v2', config: { version: 2 } }]);
    const again = await getTemplate(ctx.db, a.id);
    expect(again).toMatchObject({ description: 'v2', config: { version: 2 }, usage_count: 1 });
    const listed = await listTemplates(ctx.db, { category });
    expect(listed.map((t) => t.name)).toEqual([`HubSpot ${category}`, `Clearbit ${category}`]);
    expect(await getTemplate(ctx.db, 'nope')).toBeUndefined();
  });
});
