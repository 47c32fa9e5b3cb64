import { randomUUID } from 'node:crypto';
import { createContact, deleteContact, getExecution, updateConnector } from '@connectors/db';
import { describeEachDialect } from '@connectors/db/testing';
import { AbortTaskRunError } from '@trigger.dev/sdk';
import { describe, expect, it } from 'vitest';
import { batchTriggerExecutions, createBulkExecutions, type ExecutionBatchItem } from '../src';
import { seedHubspotWorkspace } from './support/fixtures';

describe('batchTriggerExecutions', () => {
  it('starts every execution, 500 per batchTrigger call, idempotent by execution id, tagged, keyed by workspace', async () => {
    const workspaceId = randomUUID();
    const executions = Array.from({ length: 1_201 }, () => ({
      id: randomUUID(),
      workspace_id: workspaceId,
      connector_id: randomUUID(),
      contact_id: randomUUID(),
      flow_run_id: null,
    }));
    const calls: ExecutionBatchItem[][] = [];

    const batchIds = await batchTriggerExecutions(executions, async (items) => {
      calls.push(items);
      return { batchId: `batch_${calls.length}` };
    });

    expect(batchIds).toEqual(['batch_1', 'batch_2', 'batch_3']);
    expect(calls.map((c) => c.length)).toEqual([500, 500, 201]);
    const first = executions[0]!;
    expect(calls[0]?.[0]).toEqual({
      payload: { executionId: first.id },
      options: {
        idempotencyKey: first.id,
        concurrencyKey: workspaceId,
        tags: [`workspace:${workspaceId}`, `connector:${first.connector_id}`, `contact:${first.contact_id}`],
      },
    });
    expect(calls.flat().map((item) => item.payload.executionId)).toEqual(executions.map((e) => e.id));
  });
});

describeEachDialect('createBulkExecutions', (ctx) => {
  it('creates one pending live execution per contact, skips the ones that cannot run, and is idempotent', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, 'http://127.0.0.1:9');
    const noEmail = await createContact(ctx.db, seeded.workspace.id, { first_name: 'No e-mail' });
    const gone = await createContact(ctx.db, seeded.workspace.id, { email: 'gone@acme.com' });
    await deleteContact(ctx.db, seeded.workspace.id, gone.id);
    const payload = {
      workspaceId: seeded.workspace.id,
      connectorId: seeded.connector.id,
      contactIds: [seeded.contact.id, noEmail.id, gone.id, seeded.contact.id],
    };

    const created = await createBulkExecutions(ctx.db, payload, 'run_bulk');

    expect(created.executions).toHaveLength(1);
    expect(created.skipped).toEqual([
      { contactId: noEmail.id, reason: 'inputs.email: email is required' },
      { contactId: gone.id, reason: 'Contact not found' },
    ]);
    const execution = await getExecution(ctx.db, seeded.workspace.id, created.executions[0]!.id);
    expect(execution).toMatchObject({
      status: 'pending',
      mode: 'live',
      contact_id: seeded.contact.id,
      input_data: { email: 'john@acme.com' },
      idempotency_key: `bulk:run_bulk:${seeded.contact.id}`,
    });
    // A retried attempt of the same bulk run finds the same executions.
    const again = await createBulkExecutions(ctx.db, payload, 'run_bulk');
    expect(again.executions.map((e) => e.id)).toEqual(created.executions.map((e) => e.id));
  });

  it('aborts for a disabled connector', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, 'http://127.0.0.1:9');
    await updateConnector(ctx.db, seeded.workspace.id, seeded.connector.id, seeded.connector.version, {
      enabled: false,
    });
    await expect(
      createBulkExecutions(
        ctx.db,
        {
          workspaceId: seeded.workspace.id,
          connectorId: seeded.connector.id,
          contactIds: [seeded.contact.id],
        },
        'run_bulk_disabled',
      ),
    ).rejects.toBeInstanceOf(AbortTaskRunError);
  });
});
