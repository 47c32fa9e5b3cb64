import { expect, it } from 'vitest';
import type { Executor } from '../database';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { EMPTY_GRAPH, seedConnector, seedWorkspace } from '../testing/fixtures';
import { getConnector } from './connector.repository';
import { createContact, deleteContact, getContact, updateContact } from './contact.repository';
import { listContactHistory } from './contact-change.repository';
import { createExecution, getExecution, type LeaseToken } from './execution.repository';
import { claimExecution } from './execution-claim.repository';
import { type ContactWriteInput, finishExecutionWithContact } from './execution-finish.repository';
import { expireAllExecutionLeases } from './execution-lease.repository';
import { getRunContext } from './execution-run-context.repository';
import { listNodeResults } from './node-result.repository';

/** A claimed live run of a new connector on a new contact, and the contact as its runner read it. */
async function claimedRun(db: Executor) {
  const { workspace } = await seedWorkspace(db);
  const connector = await seedConnector(db, workspace.id);
  const contact = await createContact(db, workspace.id, { email: 'ana@acme.com', metadata: { a: 1 } });
  const { execution } = await createExecution(db, {
    workspace_id: workspace.id,
    connector_id: connector.id,
    connector_version: 1,
    graph_snapshot: EMPTY_GRAPH,
    contact_id: contact.id,
  });
  const claimed = await claimExecution(db, { executionId: execution.id, workerId: 'w1', leaseMs: 60_000 });
  const lease: LeaseToken = { executionId: execution.id, workerId: 'w1', attempt: claimed!.attempt };
  const context = await getRunContext(db, execution);
  return { workspace, connector, contact, execution, lease, version: context!.contactVersion! };
}

function write(run: Awaited<ReturnType<typeof claimedRun>>, version = run.version): ContactWriteInput {
  return {
    workspaceId: run.workspace.id,
    contactId: run.contact.id,
    version,
    columns: { first_name: 'Ana' },
    metadata: { a: 1, industry: 'Tech' },
    changes: [
      { field: 'first_name', old: null, new: 'Ana' },
      { field: 'metadata.industry', old: null, new: 'Tech' },
    ],
    source: { executionId: run.execution.id, connectorId: run.connector.id },
  };
}

const END = {
  status: 'success',
  output_data: { first_name: 'Ana' },
  count_as: 'success',
  results: [
    { execution_id: '', workspace_id: '', node_id: 'output', node_type: 'output', status: 'success' },
  ],
} as const;

describeEachDialect('finishExecutionWithContact', (ctx) => {
  it('writes the contact, its history, the end, the counters and the held results together', async () => {
    const run = await claimedRun(ctx.db);
    const results = END.results.map((r) => ({
      ...r,
      execution_id: run.execution.id,
      workspace_id: run.workspace.id,
    }));
    expect(await finishExecutionWithContact(ctx.db, { ...run.lease, ...END, results }, write(run))).toBe(
      'finished',
    );
    expect(await getContact(ctx.db, run.workspace.id, run.contact.id)).toMatchObject({
      first_name: 'Ana',
      metadata: { a: 1, industry: 'Tech' },
    });
    const history = await listContactHistory(ctx.db, run.workspace.id, run.contact.id);
    expect(history.data).toHaveLength(1);
    expect(history.data[0]).toMatchObject({ execution_id: run.execution.id, connector_id: run.connector.id });
    expect(history.data[0]?.changes).toEqual(write(run).changes);
    expect(await getExecution(ctx.db, run.workspace.id, run.execution.id)).toMatchObject({
      status: 'success',
      output_data: { first_name: 'Ana' },
      current_step: null,
      lease_expires_at: null,
    });
    expect(await getConnector(ctx.db, run.workspace.id, run.connector.id)).toMatchObject({
      total_executions: 1,
      successful_executions: 1,
    });
    expect((await listNodeResults(ctx.db, run.workspace.id, run.execution.id)).map((r) => r.node_id)).toEqual(
      ['output'],
    );
  });

  it('writes nothing when the contact changed since it was read, and says so', async () => {
    const run = await claimedRun(ctx.db);
    await updateContact(ctx.db, run.workspace.id, run.contact.id, { last_name: 'Edited' });
    expect(await finishExecutionWithContact(ctx.db, { ...run.lease, ...END, results: [] }, write(run))).toBe(
      'contact_changed',
    );
    expect(await getContact(ctx.db, run.workspace.id, run.contact.id)).toMatchObject({
      first_name: null,
      last_name: 'Edited',
    });
    expect((await listContactHistory(ctx.db, run.workspace.id, run.contact.id)).data).toEqual([]);
    expect(await getExecution(ctx.db, run.workspace.id, run.execution.id)).toMatchObject({
      status: 'running',
    });
    expect(await getConnector(ctx.db, run.workspace.id, run.connector.id)).toMatchObject({
      total_executions: 0,
    });

    // Read again, the same write goes through.
    const again = await getRunContext(ctx.db, run.execution);
    expect(again?.contactVersion).not.toBe(run.version);
    expect(
      await finishExecutionWithContact(
        ctx.db,
        { ...run.lease, ...END, results: [] },
        write(run, again!.contactVersion!),
      ),
    ).toBe('finished');
  });

  it('a contact deleted during the run is a changed contact: nothing written', async () => {
    const run = await claimedRun(ctx.db);
    await deleteContact(ctx.db, run.workspace.id, run.contact.id);
    expect(await finishExecutionWithContact(ctx.db, { ...run.lease, ...END, results: [] }, write(run))).toBe(
      'contact_changed',
    );
    expect(await getExecution(ctx.db, run.workspace.id, run.execution.id)).toMatchObject({
      status: 'running',
    });
  });

  it('with no change, checks the contact and finishes without writing it', async () => {
    const run = await claimedRun(ctx.db);
    const before = await getContact(ctx.db, run.workspace.id, run.contact.id);
    const check = { ...write(run), columns: {}, metadata: undefined, changes: [] };
    expect(await finishExecutionWithContact(ctx.db, { ...run.lease, ...END, results: [] }, check)).toBe(
      'finished',
    );
    expect(await getContact(ctx.db, run.workspace.id, run.contact.id)).toEqual(before);
    expect((await listContactHistory(ctx.db, run.workspace.id, run.contact.id)).data).toEqual([]);
    expect(await getExecution(ctx.db, run.workspace.id, run.execution.id)).toMatchObject({
      status: 'success',
    });
  });

  it('a worker that lost its lease writes neither the contact nor the end', async () => {
    const run = await claimedRun(ctx.db);
    await expireAllExecutionLeases(ctx.db);
    await claimExecution(ctx.db, { executionId: run.execution.id, workerId: 'w2', leaseMs: 60_000 });
    expect(await finishExecutionWithContact(ctx.db, { ...run.lease, ...END, results: [] }, write(run))).toBe(
      'lease_lost',
    );
    expect(await getContact(ctx.db, run.workspace.id, run.contact.id)).toMatchObject({ first_name: null });
    expect((await listContactHistory(ctx.db, run.workspace.id, run.contact.id)).data).toEqual([]);
    expect(await getExecution(ctx.db, run.workspace.id, run.execution.id)).toMatchObject({
      status: 'running',
      leased_by: 'w2',
    });
  });
});
