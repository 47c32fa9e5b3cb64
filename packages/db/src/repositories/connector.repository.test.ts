import { expect, it } from 'vitest';
import { NameTakenError } from '../errors/name-taken.error';
import { StaleVersionError } from '../errors/stale-version.error';
import { QueryCounter } from '../sql/query-counter';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedWorkspace } from '../testing/fixtures';
import {
  createConnector,
  deleteConnector,
  getConnector,
  getConnectorWithContact,
  incrementConnectorStats,
  listConnectors,
  updateConnector,
} from './connector.repository';
import { createContact, getContact } from './contact.repository';

describeEachDialect('connector repository', (ctx) => {
  it('creates a connector at version 1 with the seed’s defaults', async () => {
    const { user, workspace } = await seedWorkspace(ctx.db);
    const graph = { version: 1, nodes: [{ id: 'step_1', type: 'http' }], edges: [] };
    const connector = await createConnector(
      ctx.db,
      workspace.id,
      {
        name: 'HubSpot',
        config: graph,
        field_mappings: { first_name: '{{a.b}}' },
        input_schema: { fields: [] },
      },
      user.id,
    );
    expect(connector).toMatchObject({
      version: 1,
      config: graph,
      enabled: true,
      timeout_ms: 30000,
      max_retries: 3,
      continue_on_error: false,
      type: 'single-step',
      total_executions: 0,
      created_by: user.id,
      field_mappings: { first_name: '{{a.b}}' },
    });
  });

  it('refuses a duplicate name in a workspace, but not across workspaces', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    await createConnector(ctx.db, workspace.id, { name: 'Clearbit', config: EMPTY_GRAPH });
    await expect(
      createConnector(ctx.db, workspace.id, { name: 'Clearbit', config: EMPTY_GRAPH }),
    ).rejects.toBeInstanceOf(NameTakenError);
    await expect(
      createConnector(ctx.db, other.id, { name: 'Clearbit', config: EMPTY_GRAPH }),
    ).resolves.toBeDefined();
  });

  it('updates with the current version and rejects a stale one', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await createConnector(ctx.db, workspace.id, { name: 'A', config: EMPTY_GRAPH });
    const v2 = await updateConnector(ctx.db, workspace.id, connector.id, 1, { description: 'first edit' });
    expect(v2).toMatchObject({ version: 2, description: 'first edit', name: 'A' });
    const stale = updateConnector(ctx.db, workspace.id, connector.id, 1, { description: 'lost edit' });
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect((await getConnector(ctx.db, workspace.id, connector.id))?.description).toBe('first edit');
  });

  it('refuses a rename onto a taken name', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    await createConnector(ctx.db, workspace.id, { name: 'Taken', config: EMPTY_GRAPH });
    const connector = await createConnector(ctx.db, workspace.id, { name: 'Free', config: EMPTY_GRAPH });
    await expect(
      updateConnector(ctx.db, workspace.id, connector.id, 1, { name: 'Taken' }),
    ).rejects.toBeInstanceOf(NameTakenError);
  });

  it('never reads or writes another workspace’s connector', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const connector = await createConnector(ctx.db, workspace.id, { name: 'Mine', config: EMPTY_GRAPH });
    expect(await getConnector(ctx.db, other.id, connector.id)).toBeUndefined();
    expect(await updateConnector(ctx.db, other.id, connector.id, 1, { name: 'Theirs' })).toBeUndefined();
    expect(await deleteConnector(ctx.db, other.id, connector.id)).toBeUndefined();
    expect(await incrementConnectorStats(ctx.db, other.id, connector.id, 'success')).toBe(false);
    expect(await deleteConnector(ctx.db, workspace.id, connector.id)).toEqual({ name: connector.name });
  });

  it('lists with search, category and enabled filters, a page at a time', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    for (let i = 0; i < 5; i++) {
      await createConnector(ctx.db, workspace.id, {
        name: `Enrich ${i}`,
        category: i % 2 ? 'validation' : 'enrichment',
        enabled: i !== 4,
        config: EMPTY_GRAPH,
      });
    }
    await createConnector(ctx.db, workspace.id, {
      name: 'Other',
      description: 'Sends ENRICHed mail',
      config: EMPTY_GRAPH,
    });
    const names = async (options: Parameters<typeof listConnectors>[2]) =>
      (await listConnectors(ctx.db, workspace.id, options)).data.map((c) => c.name);
    expect(await names({ search: 'enrich' })).toHaveLength(6);
    expect(await names({ category: 'validation' })).toEqual(['Enrich 3', 'Enrich 1']);
    expect(await names({ category: 'enrichment', enabled: true })).toEqual(['Enrich 2', 'Enrich 0']);
    const first = await listConnectors(ctx.db, workspace.id, { limit: 4 });
    const second = await listConnectors(ctx.db, workspace.id, { limit: 4, cursor: first.nextCursor });
    expect(first.data).toHaveLength(4);
    expect(second.data).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it('counts runs by outcome without bumping the version', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await createConnector(ctx.db, workspace.id, { name: 'Stats', config: EMPTY_GRAPH });
    const at = new Date('2026-01-01T00:00:00.123Z');
    await incrementConnectorStats(ctx.db, workspace.id, connector.id, 'success');
    await incrementConnectorStats(ctx.db, workspace.id, connector.id, 'failed');
    await incrementConnectorStats(ctx.db, workspace.id, connector.id, 'other', at);
    expect(await getConnector(ctx.db, workspace.id, connector.id)).toMatchObject({
      total_executions: 3,
      successful_executions: 1,
      failed_executions: 1,
      last_executed_at: at,
      version: 1,
    });
  });

  it('reads a connector and a contact in one statement, as getConnector and getContact read them', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await createConnector(ctx.db, workspace.id, {
      name: 'Joined',
      config: { version: 1, nodes: [{ id: 'step_1', type: 'http' }], edges: [] },
      input_schema: { fields: [{ name: 'email', type: 'string' }] },
      field_mappings: { first_name: '{{step_1.name}}' },
    });
    await incrementConnectorStats(ctx.db, workspace.id, connector.id, 'success');
    const contact = await createContact(ctx.db, workspace.id, {
      email: 'ada@example.com',
      first_name: 'Ada',
      metadata: { tier: 'gold', tags: ['a'] },
    });
    const counter = new QueryCounter();
    const read = await getConnectorWithContact(
      ctx.db.withPlugin(counter),
      workspace.id,
      connector.id,
      contact.id,
    );
    expect(counter.total).toBe(1);
    expect(read.connector).toEqual(await getConnector(ctx.db, workspace.id, connector.id));
    expect(read.contact).toEqual(await getContact(ctx.db, workspace.id, contact.id));
    // The same JavaScript types as the single reads: dates as Dates, jsonb parsed.
    expect(read.connector?.created_at).toBeInstanceOf(Date);
    expect(read.connector?.last_executed_at).toBeInstanceOf(Date);
    expect(read.connector?.config).toEqual({
      version: 1,
      nodes: [{ id: 'step_1', type: 'http' }],
      edges: [],
    });
    expect(read.contact?.updated_at).toBeInstanceOf(Date);
    expect(read.contact?.metadata).toEqual({ tier: 'gold', tags: ['a'] });
    expect(read.contact?.id).toBe(contact.id);
    expect(read.contact?.workspace_id).toBe(workspace.id);

    const alone = await getConnectorWithContact(ctx.db, workspace.id, connector.id);
    expect(alone).toEqual({ connector: read.connector, contact: undefined });
  });

  it('answers each of the connector and the contact on its own, within the workspace only', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const mine = await createConnector(ctx.db, workspace.id, { name: 'Mine', config: EMPTY_GRAPH });
    const theirs = await createConnector(ctx.db, other.id, { name: 'Theirs', config: EMPTY_GRAPH });
    const myContact = await createContact(ctx.db, workspace.id, { email: 'me@example.com' });
    const theirContact = await createContact(ctx.db, other.id, { email: 'them@example.com' });

    const foreignContact = await getConnectorWithContact(ctx.db, workspace.id, mine.id, theirContact.id);
    expect(foreignContact.connector?.id).toBe(mine.id);
    expect(foreignContact.contact).toBeUndefined();

    const foreignConnector = await getConnectorWithContact(ctx.db, workspace.id, theirs.id, myContact.id);
    expect(foreignConnector.connector).toBeUndefined();
    expect(foreignConnector.contact?.id).toBe(myContact.id);

    const missing = crypto.randomUUID();
    expect(await getConnectorWithContact(ctx.db, workspace.id, missing, missing)).toEqual({
      connector: undefined,
      contact: undefined,
    });
  });

  it('answers undefined for an id that is not a uuid instead of failing', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const connector = await createConnector(ctx.db, workspace.id, { name: 'Ids', config: EMPTY_GRAPH });
    const contact = await createContact(ctx.db, workspace.id, { email: 'ids@example.com' });
    const counter = new QueryCounter();
    const db = ctx.db.withPlugin(counter);

    const badContact = await getConnectorWithContact(db, workspace.id, connector.id, 'not-a-uuid');
    expect(badContact.connector?.id).toBe(connector.id);
    expect(badContact.contact).toBeUndefined();
    const badConnector = await getConnectorWithContact(db, workspace.id, "1'; drop table x", contact.id);
    expect(badConnector.connector).toBeUndefined();
    expect(badConnector.contact?.id).toBe(contact.id);
    expect(await getConnectorWithContact(db, workspace.id, 'nope', 'nope')).toEqual({
      connector: undefined,
      contact: undefined,
    });
    expect(await getConnectorWithContact(db, workspace.id, '')).toEqual({
      connector: undefined,
      contact: undefined,
    });
    expect(counter.total).toBe(2); // nothing to look up: no statement
  });
});
