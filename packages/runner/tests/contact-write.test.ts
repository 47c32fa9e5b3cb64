import { deleteContact, getContact, getExecution, listContactHistory, updateContact } from '@connectors/db';
import { describeEachDialect } from '@connectors/db/testing';
import { beforeEach, expect, it } from 'vitest';
import { runExecution } from '../src';
import { HUBSPOT_ROUTES } from '../src/testing';
import {
  createClaimed,
  runnerDeps,
  seedHubspotWorkspace,
  useHubspotApi,
  waitForEvent,
} from './support/runner-fixture';

const api = useHubspotApi();
beforeEach(() => {
  // The company lookup (the last call) is slow, so the test can change the contact during the run.
  api.on(HUBSPOT_ROUTES.company, () => ({
    delayMs: 400,
    json: { properties: { name: 'Acme Corp', industry: 'Technology' } },
  }));
});

// The end of a run writes its contact from the values read at the start, in one statement that applies
// only to the version read; these are the runs where that version is gone by the end.
describeEachDialect('a run writing a contact that changed during the run', (ctx) => {
  it('keeps the edit made meanwhile and writes on top of it, with the edited value as the old one', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const lease = await createClaimed(ctx.db, seeded);
    const { deps, events } = runnerDeps(ctx.db);
    const running = runExecution(deps, lease.executionId, lease);
    await waitForEvent(events, (e) => e.type === 'node.started' && e.nodeId === 'step_3');
    await updateContact(ctx.db, seeded.workspace.id, seeded.contact.id, {
      first_name: 'Johnny',
      phone: '+1 555 0100',
      metadata: { owner: 'ana' },
    });

    expect(await running).toEqual({ outcome: 'finished', status: 'success' });
    const contact = await getContact(ctx.db, seeded.workspace.id, seeded.contact.id);
    expect(contact).toMatchObject({ first_name: 'John', last_name: 'Smith', phone: '+1 555 0100' });
    expect(contact?.metadata).toEqual({
      source: 'import',
      owner: 'ana',
      company_name: 'Acme Corp',
      industry: 'Technology',
    });
    const history = await listContactHistory(ctx.db, seeded.workspace.id, seeded.contact.id);
    expect(history.data).toHaveLength(1);
    expect(history.data[0]?.changes).toContainEqual({ field: 'first_name', old: 'Johnny', new: 'John' });
    expect(history.data[0]?.changes).not.toContainEqual(expect.objectContaining({ field: 'metadata.owner' }));
  });

  it('finishes without a contact write when the contact was deleted during the run', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const lease = await createClaimed(ctx.db, seeded);
    const { deps, events } = runnerDeps(ctx.db);
    const running = runExecution(deps, lease.executionId, lease);
    await waitForEvent(events, (e) => e.type === 'node.started' && e.nodeId === 'step_3');
    await deleteContact(ctx.db, seeded.workspace.id, seeded.contact.id);

    expect(await running).toEqual({ outcome: 'finished', status: 'success' });
    expect(await getContact(ctx.db, seeded.workspace.id, seeded.contact.id)).toBeUndefined();
    expect(await getExecution(ctx.db, seeded.workspace.id, lease.executionId)).toMatchObject({
      status: 'success',
    });
  });
});
