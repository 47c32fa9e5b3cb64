import { beforeAll, describe, expect, it } from 'vitest';
import { describeAuditedRoute } from '../../src/middleware/audit';
import { ROUTE_TABLE } from '../../src/openapi/route-table';
import { describeApi } from '../support/describe-api';
import { enrichFlowConfig } from '../support/flow-helpers';
import { useHubspotMock } from '../support/hubspot-mock';
import type { Json } from '../support/run-helpers';
import { Client } from '../support/test-app';
import { createTenant, fillPath, type Tenant, validBody } from './tenant-fixtures';

/**
 * The audit log (issue 8): every successful create, update, delete and run, by whom (user or API key),
 * on what, and when — recorded by one middleware, so every mutating route the app serves is covered,
 * including routes added after this test was written. Never a body or a secret.
 */

const api = useHubspotMock();

const SECRET = 'audit-canary-secret-value-7731';

describe('describeAuditedRoute', () => {
  it.each([
    ['POST', '/api/v1/connectors', {}, ['create', 'connector', null]],
    ['PUT', '/api/v1/connectors/:id', { id: 'c1' }, ['update', 'connector', 'c1']],
    ['DELETE', '/api/v1/connectors/:id', { id: 'c1' }, ['delete', 'connector', 'c1']],
    ['POST', '/api/v1/connectors/:id/execute', { id: 'c1' }, ['execute', 'connector', 'c1']],
    ['POST', '/api/v1/connectors/:id/test', { id: 'c1' }, ['test', 'connector', 'c1']],
    ['POST', '/api/v1/workspace/credentials', {}, ['create', 'credential', null]],
    [
      'DELETE',
      '/api/v1/workspace/credentials/:service',
      { service: 'hubspot' },
      ['delete', 'credential', 'hubspot'],
    ],
    ['POST', '/api/v1/api-keys', {}, ['create', 'api_key', null]],
    ['DELETE', '/api/v1/api-keys/:id', { id: 'k1' }, ['delete', 'api_key', 'k1']],
    ['POST', '/api/v1/flows/:id/run', { id: 'f1' }, ['run', 'flow', 'f1']],
    ['PATCH', '/api/v1/contacts/:id', { id: 'p1' }, ['update', 'contact', 'p1']],
    ['POST', '/api/v1/workspaces/:id/members', { id: 'w1' }, ['add_member', 'workspace', 'w1']],
    [
      'POST',
      '/api/v1/connector-templates/:id/install',
      { id: 't1' },
      ['install', 'connector_template', 't1'],
    ],
    ['POST', '/api/v1/bulk-runs/:id/cancel', { id: 'b1' }, ['cancel', 'bulk_run', 'b1']],
  ] as const)('%s %s', (method, route, params, [action, resourceType, resourceId]) => {
    expect(describeAuditedRoute(method, route, { ...params })).toEqual({ action, resourceType, resourceId });
  });
});

describeApi('the audit log', (s) => {
  let t: Tenant;
  let other: Tenant;
  beforeAll(async () => {
    t = await createTenant(s.app, api);
    other = await createTenant(s.app, api);
  });

  /** Every entry of the tenant's log, walking the pages. */
  async function wholeLog(client: Client, query = ''): Promise<Json[]> {
    const entries: Json[] = [];
    let cursor: string | null = null;
    do {
      const res = await client.get(`/audit-log?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      entries.push(...res.json.data);
      cursor = res.json.next_cursor;
    } while (cursor);
    return entries;
  }

  it('records who did what to which resource, newest first, in this workspace only', async () => {
    const me = t.userId;
    const email = t.email;
    await t.session.post('/workspace/credentials', { service: 'audited', credentials: { token: SECRET } });
    const key = await t.session.post('/api-keys', { name: 'audited key' });
    const byKey = new Client(s.app, { authorization: `Bearer ${key.json.key}` });
    const created = await byKey.post('/contacts', { email: 'audit@example.com', first_name: SECRET });
    expect(created.status).toBe(201);
    // Not recorded: reads, and requests that failed.
    await t.session.get(`/connectors/${t.ids.connectors}`);
    expect((await t.session.delete('/workspace/credentials/never-stored')).status).toBe(404);
    expect((await t.session.post('/contacts', { email: 'not an e-mail' })).status).toBe(400);
    expect((await t.session.delete('/workspace/credentials/audited')).status).toBe(204);

    const log = await wholeLog(t.session);
    const recent = log
      .slice(0, 4)
      .map((e: Json) => [e.action, e.resource_type, e.resource_id, e.resource_name, e.actor]);
    expect(recent).toEqual([
      // The delete answers nothing; its name comes from the entry that created the credential.
      ['delete', 'credential', 'audited', 'audited', { user_id: me, api_key_id: null, email }],
      // A contact's personal fields are never copied into the log.
      ['create', 'contact', created.json.id, null, { user_id: me, api_key_id: key.json.id, email }],
      ['create', 'api_key', key.json.id, 'audited key', { user_id: me, api_key_id: null, email }],
      ['create', 'credential', 'audited', 'audited', { user_id: me, api_key_id: null, email }],
    ]);
    expect(log[0]).toMatchObject({
      method: 'DELETE',
      route: '/api/v1/workspace/credentials/:service',
      status: 204,
      created_at: expect.any(String),
    });
    // The tenant's earlier set-up is there too: the connector created and executed.
    expect(log).toContainEqual(
      expect.objectContaining({
        action: 'execute',
        resource_type: 'connector',
        resource_id: t.ids.connectors,
        // An execute answers no name: it is read from the connector's earlier entries or the connector.
        resource_name: expect.any(String),
      }),
    );
    // Newest first, no entry twice across pages.
    const times = log.map((e: Json) => Date.parse(e.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(log.map((e: Json) => e.id)).size).toBe(log.length);
    // Another workspace's entries are not shown, and its own log does not show these.
    const otherIds = new Set((await wholeLog(other.session)).map((e: Json) => e.id));
    expect(log.some((e: Json) => otherIds.has(e.id))).toBe(false);
    expect(JSON.stringify(log)).not.toContain(other.ids.connectors);
    // Filters.
    const contacts = await wholeLog(t.session, '&resource_type=contact');
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((e: Json) => e.resource_type === 'contact')).toBe(true);
    // No body, no secret: the whole table is free of the values sent.
    const rows = await s.t.database.db.selectFrom('audit_log').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(JSON.stringify(rows)).not.toContain('audit@example.com');
    expect((await t.session.get('/audit-log?cursor=not-a-cursor')).status).toBe(400);
  });

  it('names what a delete removed, a revoke revoked and an install installed', async () => {
    const fresh = await createTenant(s.app, api);
    const template = (await fresh.session.get('/connector-templates')).json.data[0];
    const installed = await fresh.session.post(`/connector-templates/${template.id}/install`, {});
    expect(installed.status).toBe(201);
    const flow = await fresh.session.post('/flows', {
      name: 'Short-lived flow',
      config: enrichFlowConfig(installed.json.id),
    });
    expect(flow.status, JSON.stringify(flow.json)).toBe(201);
    const key = await fresh.session.post('/api-keys', { name: 'short-lived key' });
    expect((await fresh.session.delete(`/connectors/${installed.json.id}`)).status).toBe(204);
    expect((await fresh.session.delete(`/flows/${flow.json.id}`)).status).toBe(204);
    expect((await fresh.session.delete(`/api-keys/${key.json.id}`)).status).toBe(204);

    const log = await wholeLog(fresh.session);
    expect(
      log.slice(0, 6).map((e: Json) => [e.action, e.resource_type, e.resource_id, e.resource_name]),
    ).toEqual([
      ['delete', 'api_key', key.json.id, 'short-lived key'],
      ['delete', 'flow', flow.json.id, 'Short-lived flow'],
      ['delete', 'connector', installed.json.id, installed.json.name],
      ['create', 'api_key', key.json.id, 'short-lived key'],
      ['create', 'flow', flow.json.id, 'Short-lived flow'],
      ['install', 'connector_template', template.id, template.name],
    ]);
  });

  it('covers every mutating route the app serves', { timeout: 120_000 }, async () => {
    const fresh = await createTenant(s.app, api);
    const third = new Client(s.app);
    const memberEmail = (await third.signup()).user.email;
    const writes = ROUTE_TABLE.filter(
      (r) => !r.public && r.path.startsWith('/api/v1/') && r.method !== 'get',
    ).sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    expect(writes.length).toBeGreaterThan(15);
    const missing: string[] = [];
    const stateRefused: string[] = [];
    for (const route of writes) {
      const body = await validBody(route, fresh, { memberEmail });
      const res = await fresh.session.request(
        route.method.toUpperCase(),
        fillPath(route.path, fresh.ids).replace('/api/v1', ''),
        body,
      );
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const latest = (await fresh.session.get('/audit-log?limit=1')).json.data[0];
      const recorded = latest?.route === route.path && latest?.method === route.method.toUpperCase();
      if (res.status === 409) {
        // A state the route refuses (cancelling a run that already ended): refused, so not recorded.
        stateRefused.push(label);
        if (recorded) missing.push(`${label} was refused (409) but recorded`);
        continue;
      }
      if (res.status >= 300) {
        missing.push(`${label} did not succeed (${res.status}), so its audit entry could not be checked`);
        continue;
      }
      if (!recorded) {
        missing.push(`${label} was not recorded (latest: ${JSON.stringify(latest)})`);
      }
    }
    expect(missing).toEqual([]);
    expect(stateRefused.length).toBeLessThanOrEqual(2);
  });
});
