import {
  cancelExecution,
  claimExecution,
  expireAllExecutionLeases,
  getConnector,
  getContact,
  getCredential,
  getExecution,
  listNodeResults,
  upsertCredential,
} from '@connectors/db';
import { describeEachDialect, seedWorkspace } from '@connectors/db/testing';
import { expect, it } from 'vitest';
import { presentStepsExecuted, RunInterrupt, runExecution } from '../src';
import { HUBSPOT_ROUTES } from '../src/testing';
import {
  createClaimed,
  runnerDeps,
  seedHubspotWorkspace,
  TOKEN,
  useHubspotApi,
  waitForEvent,
} from './support/runner-fixture';

const api = useHubspotApi();

describeEachDialect('runExecution', (ctx) => {
  it('runs the seed connector, persists every step, enriches the contact and counts the run', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const lease = await createClaimed(ctx.db, seeded);
    const { deps, events } = runnerDeps(ctx.db);

    expect(await runExecution(deps, lease.executionId, lease)).toEqual({
      outcome: 'finished',
      status: 'success',
    });

    const execution = await getExecution(ctx.db, seeded.workspace.id, lease.executionId);
    expect(execution).toMatchObject({ status: 'success', error_message: null, current_step: null });
    expect(execution?.output_data).toEqual({
      first_name: 'John',
      last_name: 'Smith',
      'metadata.company_name': 'Acme Corp',
      'metadata.industry': 'Technology',
    });
    expect(execution?.execution_time_ms).toBeGreaterThanOrEqual(0);
    const contact = await getContact(ctx.db, seeded.workspace.id, seeded.contact.id);
    expect(contact).toMatchObject({ email: 'john@acme.com', first_name: 'John', last_name: 'Smith' });
    expect(contact?.metadata).toEqual({
      source: 'import',
      company_name: 'Acme Corp',
      industry: 'Technology',
    });
    const connector = await getConnector(ctx.db, seeded.workspace.id, seeded.connector.id);
    expect(connector).toMatchObject({ total_executions: 1, successful_executions: 1, failed_executions: 0 });

    const rows = await listNodeResults(ctx.db, seeded.workspace.id, lease.executionId);
    const steps = presentStepsExecuted(rows);
    expect(steps.map((s) => [s.step_id, s.status, s.handle])).toEqual([
      ['step_1', 'success', 'success'],
      ['step_2', 'success', 'success'],
      ['step_3', 'success', 'success'],
      ['output', 'success', 'success'],
    ]);
    expect(steps[0]?.attempts[0]?.request.headers.Authorization).toBe('Bearer ••••••');
    expect(steps[0]?.attempts[0]?.response?.status).toBe(200);
    expect(Object.values(steps[0]?.edge_values ?? {})).toEqual([{ contactId: 'c42' }]);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(api.calls(HUBSPOT_ROUTES.search)[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);

    // The credential was used and is now bound to the host that first received it.
    const credential = await getCredential(ctx.db, seeded.workspace.id, 'hubspot');
    expect(credential?.last_used_at).toBeInstanceOf(Date);
    expect(credential?.allowed_hosts).toEqual(['127.0.0.1']);
    expect(events.filter((e) => e.type === 'node.finished').map((e) => e.nodeId)).toEqual([
      'step_1',
      'step_2',
      'step_3',
      'output',
    ]);
    expect(events.at(-1)).toEqual({
      type: 'run.finished',
      executionId: lease.executionId,
      status: 'success',
    });
  });

  it('test runs write no contact and do not count', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    const lease = await createClaimed(ctx.db, seeded, { mode: 'test' });
    expect(await runExecution(runnerDeps(ctx.db).deps, lease.executionId, lease)).toMatchObject({
      status: 'success',
    });
    const contact = await getContact(ctx.db, seeded.workspace.id, seeded.contact.id);
    expect(contact).toMatchObject({
      first_name: null,
      metadata: { source: 'import', company_name: 'Old Co' },
    });
    expect(await getConnector(ctx.db, seeded.workspace.id, seeded.connector.id)).toMatchObject({
      total_executions: 0,
    });
  });

  it('a failed step is a failed run, not an exception; the contact is left alone', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    api.on(HUBSPOT_ROUTES.contact, () => ({ status: 500, json: { message: 'boom' } }));
    const lease = await createClaimed(ctx.db, seeded);
    expect(await runExecution(runnerDeps(ctx.db).deps, lease.executionId, lease)).toEqual({
      outcome: 'finished',
      status: 'failed',
    });
    const execution = await getExecution(ctx.db, seeded.workspace.id, lease.executionId);
    expect(execution?.error_message).toMatch(/^Step "Get Contact Details" \(step_2\) failed: .*HTTP 500/);
    const rows = await listNodeResults(ctx.db, seeded.workspace.id, lease.executionId);
    expect(rows.map((r) => [r.node_id, r.status])).toEqual([
      ['step_1', 'success'],
      ['step_2', 'failed'],
      ['step_3', 'skipped'],
      ['output', 'skipped'],
    ]);
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.first_name).toBeNull();
    expect(await getConnector(ctx.db, seeded.workspace.id, seeded.connector.id)).toMatchObject({
      total_executions: 1,
      failed_executions: 1,
    });
  });

  it('interrupted by a shutdown, hands its lease back; the next worker resumes without calling step 1 again', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    let slow = true;
    api.on(HUBSPOT_ROUTES.contact, () => ({
      delayMs: slow ? 2_000 : 0,
      json: { properties: { firstname: 'John' }, associations: { companies: [{ id: 'co_7' }] } },
    }));
    const lease = await createClaimed(ctx.db, seeded);
    const { deps, events } = runnerDeps(ctx.db);
    const controller = new AbortController();
    const running = runExecution(deps, lease.executionId, lease, { signal: controller.signal });
    await waitForEvent(events, (e) => e.type === 'node.started' && e.nodeId === 'step_2');
    controller.abort(new RunInterrupt('shutdown'));
    expect(await running).toEqual({ outcome: 'interrupted' });
    expect(
      (await listNodeResults(ctx.db, seeded.workspace.id, lease.executionId)).map((r) => r.node_id),
    ).toEqual(['step_1']);

    slow = false;
    const again = await claimExecution(ctx.db, {
      executionId: lease.executionId,
      workerId: 'worker-b',
      leaseMs: 5_000,
    });
    expect(again?.attempt).toBe(2);
    const resumed = await runExecution(deps, lease.executionId, {
      ...lease,
      workerId: 'worker-b',
      attempt: 2,
    });
    expect(resumed).toEqual({ outcome: 'finished', status: 'success' });
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.first_name).toBe('John');
  });

  it('sees a cancel made by another process at its next lease renewal, and writes nothing', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    api.on(HUBSPOT_ROUTES.contact, () => ({ delayMs: 3_000, json: {} }));
    const lease = await createClaimed(ctx.db, seeded, { leaseMs: 300 });
    const { deps, events } = runnerDeps(ctx.db, { leaseMs: 300 });
    const running = runExecution(deps, lease.executionId, lease);
    await waitForEvent(events, (e) => e.type === 'node.started' && e.nodeId === 'step_2');
    const started = Date.now();
    await cancelExecution(ctx.db, seeded.workspace.id, lease.executionId);
    expect(await running).toEqual({ outcome: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await getExecution(ctx.db, seeded.workspace.id, lease.executionId)).toMatchObject({
      status: 'cancelled',
    });
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.first_name).toBeNull();
    expect(await getConnector(ctx.db, seeded.workspace.id, seeded.connector.id)).toMatchObject({
      total_executions: 0,
    });
  });

  it('a worker that lost its lease commits nothing; the new holder finishes the run', async () => {
    const seeded = await seedHubspotWorkspace(ctx.db, api.url);
    api.on(HUBSPOT_ROUTES.company, () => ({ delayMs: 500, json: { properties: { name: 'Acme Corp' } } }));
    const lease = await createClaimed(ctx.db, seeded, { workerId: 'worker-a' });
    const { deps, events } = runnerDeps(ctx.db);
    const first = runExecution(deps, lease.executionId, lease);
    await waitForEvent(events, (e) => e.type === 'node.started' && e.nodeId === 'step_3');
    await expireAllExecutionLeases(ctx.db);
    const taken = await claimExecution(ctx.db, {
      executionId: lease.executionId,
      workerId: 'worker-b',
      leaseMs: 5_000,
    });
    expect(taken?.attempt).toBe(2);
    expect(await first).toEqual({ outcome: 'lease_lost' });
    expect(await getExecution(ctx.db, seeded.workspace.id, lease.executionId)).toMatchObject({
      status: 'running',
      leased_by: 'worker-b',
    });
    expect((await getContact(ctx.db, seeded.workspace.id, seeded.contact.id))?.first_name).toBeNull();
    const second = await runExecution(deps, lease.executionId, {
      ...lease,
      workerId: 'worker-b',
      attempt: 2,
    });
    expect(second).toEqual({ outcome: 'finished', status: 'success' });
    expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
  });

  it('fails clearly without the credential, with a credential from elsewhere, or towards another host', async () => {
    const missing = await seedHubspotWorkspace(ctx.db, api.url);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const copied = await getCredential(ctx.db, missing.workspace.id, 'hubspot');
    await upsertCredential(ctx.db, other.id, { service_name: 'unused', credentials: {}, allowed_hosts: [] });
    // The same ciphertext under another service name (or workspace) must not decrypt.
    await upsertCredential(ctx.db, missing.workspace.id, {
      service_name: 'hubspot',
      credentials: {},
      allowed_hosts: [],
    });
    let lease = await createClaimed(ctx.db, missing);
    await runExecution(runnerDeps(ctx.db).deps, lease.executionId, lease);
    expect((await getExecution(ctx.db, missing.workspace.id, lease.executionId))?.error_message).toMatch(
      /No credential for "workspace.hubspot_token"/,
    );

    const moved = await seedHubspotWorkspace(ctx.db, api.url);
    await upsertCredential(ctx.db, moved.workspace.id, {
      service_name: 'hubspot',
      credentials: copied!.credentials,
      allowed_hosts: [],
    });
    lease = await createClaimed(ctx.db, moved);
    await runExecution(runnerDeps(ctx.db).deps, lease.executionId, lease);
    expect((await getExecution(ctx.db, moved.workspace.id, lease.executionId))?.error_message).toMatch(
      /could not be decrypted/,
    );

    const bound = await seedHubspotWorkspace(ctx.db, api.url, { allowedHosts: ['api.hubapi.com'] });
    lease = await createClaimed(ctx.db, bound);
    await runExecution(runnerDeps(ctx.db).deps, lease.executionId, lease);
    expect((await getExecution(ctx.db, bound.workspace.id, lease.executionId))?.error_message).toMatch(
      /may not be sent to 127\.0\.0\.1/,
    );
    expect(api.log).toHaveLength(0);
  });
});
