import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedConnector, seedWorkspace } from '../testing/fixtures';
import { createContact } from './contact.repository';
import { listContactHistory, listFieldProvenance, recordContactChanges } from './contact-change.repository';

describeEachDialect('contact changes', (ctx) => {
  it('lists a contact’s writes newest first, a page at a time, and the last run behind each field', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const connector = await seedConnector(ctx.db, workspace.id, 'Enricher');
    const contact = await createContact(ctx.db, workspace.id, { email: 'a@b.co' });
    await recordContactChanges(ctx.db, workspace.id, contact.id, { connectorId: connector.id }, [
      { field: 'first_name', old: null, new: 'Ann' },
      { field: 'metadata.tier', old: null, new: 'gold' },
    ]);
    await recordContactChanges(ctx.db, workspace.id, contact.id, { nodeId: 'save' }, [
      { field: 'first_name', old: 'Ann', new: 'Anna' },
    ]);
    await recordContactChanges(ctx.db, workspace.id, contact.id, { connectorId: connector.id }, []);

    const history = await listContactHistory(ctx.db, workspace.id, contact.id, { limit: 1 });
    expect(history.data).toHaveLength(1);
    expect(history.nextCursor).not.toBeNull();
    const rest = await listContactHistory(ctx.db, workspace.id, contact.id, { cursor: history.nextCursor });
    const all = [...history.data, ...rest.data];
    expect(all).toHaveLength(2);
    expect(all.find((e) => e.connector_id === connector.id)).toMatchObject({
      connector_name: 'Enricher',
      completed_at: expect.any(Date),
    });
    expect((await listContactHistory(ctx.db, other.id, contact.id)).data).toEqual([]);

    const provenance = (await listFieldProvenance(ctx.db, workspace.id, [contact.id])).get(contact.id);
    expect(provenance?.find((p) => p.field === 'first_name')).toMatchObject({
      value: 'Anna',
      connector_id: null,
    });
    expect(provenance?.find((p) => p.field === 'metadata.tier')).toMatchObject({
      value: 'gold',
      connector_id: connector.id,
      connector_name: 'Enricher',
      at: expect.any(Date),
    });
    expect((await listFieldProvenance(ctx.db, other.id, [contact.id])).size).toBe(0);
  });
});
