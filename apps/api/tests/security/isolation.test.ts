import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { operationKey, pathParams, ROUTE_TABLE, servedOperations } from '../../src/openapi/route-table';
import { describeApi } from '../support/describe-api';
import { useHubspotMock } from '../support/hubspot-mock';
import type { Json } from '../support/run-helpers';
import { Client } from '../support/test-app';
import {
  createTenant,
  fillPath,
  paramCollections,
  rowsMentioning,
  type Tenant,
  validBody,
} from './tenant-fixtures';

/**
 * DESIGN §6: "Every other route … acts in that workspace only: another workspace's ids answer 404".
 * Walks every operation the app serves — read from the app itself, so a route added tomorrow is walked
 * too — with workspace B's session and B's API key against workspace A's ids, and checks that nothing
 * of A was shown or changed. Also: ids are random UUIDs, and no create or update body can set an id,
 * a workspace or an owner.
 */

const api = useHubspotMock();

/** Collections shared by every workspace (the template catalogue): B may read them. */
const GLOBAL = new Set(['connector-templates']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The operations a tenant's requests can reach: not public, under `/api/v1`. */
const tenantRoutes = ROUTE_TABLE.filter((r) => !r.public && r.path.startsWith('/api/v1/'));

describeApi('tenant isolation', (s) => {
  let a: Tenant;
  let b: Tenant;
  let memberEmail = '';
  beforeAll(async () => {
    a = await createTenant(s.app, api);
    b = await createTenant(s.app, api);
    const third = new Client(s.app);
    memberEmail = (await third.signup()).user.email;
  });

  /** A's ids other than the shared ones: none may appear in anything B is answered. */
  const secretsOfA = () => [
    a.workspaceId,
    a.userId,
    ...Object.entries(a.ids)
      .filter(([k]) => !GLOBAL.has(k))
      .map(([, v]) => v),
  ];

  it('walks every route the app serves, and the reference documents exactly those', () => {
    const served = [...servedOperations(s.app.routes)].sort();
    const documented = ROUTE_TABLE.map((r) => operationKey(r.method, r.path)).sort();
    expect(served).toEqual(documented);
    // Every id-taking route names a collection the tenants have an id for.
    for (const route of tenantRoutes) {
      for (const collection of paramCollections(route.path)) {
        expect(a.ids, `${route.method} ${route.path}`).toHaveProperty([collection]);
      }
    }
  });

  it('gives ids that are random UUIDs, not sequence numbers', () => {
    for (const tenant of [a, b]) {
      for (const [collection, id] of Object.entries(tenant.ids)) {
        if (collection === 'workspace/credentials') continue; // addressed by service name
        expect(id, collection).toMatch(UUID);
      }
    }
    expect(a.ids.connectors).not.toBe(b.ids.connectors);
    expect(a.workspaceId).toMatch(UUID);
  });

  it("answers B 404 on every route that names A's resources, shows none of A, and changes nothing of A", async () => {
    const needles = secretsOfA();
    const before = await rowsMentioning(s.t.database.db, needles);
    expect(before.length).toBeGreaterThan(10);
    const walked: string[] = [];
    for (const route of tenantRoutes) {
      for (const [how, client] of [
        ['session', b.session],
        ['api key', b.apiKey],
      ] as const) {
        const label = `${route.method.toUpperCase()} ${route.path} (B's ${how})`;
        const params = pathParams(route.path);
        if (params.length === 0) {
          // Lists and the caller's own data: B's answer holds nothing of A's. (Creates are checked below.)
          if (route.method !== 'get') continue;
          const res = await client.get(route.path.replace('/api/v1', ''));
          expect([200, 403], label).toContain(res.status);
          const text = JSON.stringify(res.json);
          for (const id of needles) expect(text, `${label} shows ${id}`).not.toContain(id);
          walked.push(label);
          continue;
        }
        const path = fillPath(route.path, a.ids).replace('/api/v1', '');
        const global = paramCollections(route.path).every((c) => GLOBAL.has(c));
        const body =
          route.body || route.method !== 'get' ? await validBody(route, b, { memberEmail }) : undefined;
        const res = await client.request(route.method.toUpperCase(), path, body);
        const text = JSON.stringify(res.json ?? null);
        if (global) {
          expect(res.status, `${label}: ${text}`).toBeLessThan(500);
        } else {
          const sessionOnly = res.status === 403 && res.json?.error?.code === 'session_required';
          expect(sessionOnly || res.status === 404, `${label} answered ${res.status}: ${text}`).toBe(true);
          expect(res.json?.error, label).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
        }
        for (const id of needles) {
          if (path.includes(id)) continue; // the id B sent may be named back
          expect(text, `${label} shows ${id}`).not.toContain(id);
        }
        walked.push(label);
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(tenantRoutes.filter((r) => r.method === 'get').length);
    expect(await rowsMentioning(s.t.database.db, needles)).toEqual(before);
    // A still sees all of it.
    expect((await a.session.get(`/connectors/${a.ids.connectors}`)).status).toBe(200);
    expect((await a.apiKey.get(`/executions/${a.ids.executions}`)).status).toBe(200);
  });

  it("cannot pick A's workspace with the X-Workspace-Id header", async () => {
    for (const path of ['/connectors', '/contacts', '/executions', '/audit-log', '/me']) {
      const bySession = await b.session.get(path, { 'x-workspace-id': a.workspaceId });
      expect(bySession.status, path).toBe(404);
      // An API key acts in its own workspace whatever the header says.
      const byKey = await b.apiKey.get(path, { 'x-workspace-id': a.workspaceId });
      expect(byKey.status, path).toBe(200);
      for (const id of secretsOfA()) expect(JSON.stringify(byKey.json), path).not.toContain(id);
    }
    // Without a session or key, nothing but the public routes answers.
    const anonymous = new Client(s.app);
    expect((await anonymous.get(`/connectors/${a.ids.connectors}`)).status).toBe(401);
    expect((await anonymous.get('/connectors', { authorization: 'Bearer ck_not-a-key' })).status).toBe(401);
  });

  it('lets no create or update body set an id, a workspace or an owner', async () => {
    const needles = secretsOfA();
    const before = await rowsMentioning(s.t.database.db, needles);
    const forgedIds: string[] = [];
    const tried: string[] = [];
    for (const route of tenantRoutes) {
      if (!['post', 'put', 'patch'].includes(route.method) || !route.body) continue;
      const forged = randomUUID();
      forgedIds.push(forged);
      const valid = (await validBody(route, b, { memberEmail })) as Record<string, unknown>;
      const body = {
        ...valid,
        id: forged,
        workspace_id: a.workspaceId,
        workspaceId: a.workspaceId,
        created_by: a.userId,
        user_id: a.userId,
        owner_id: a.userId,
      };
      const path = fillPath(route.path, b.ids).replace('/api/v1', '');
      const res = await b.session.request(route.method.toUpperCase(), path, body);
      const label = `${route.method.toUpperCase()} ${route.path}`;
      // Accepted (unknown fields are ignored), so the store really ran with the forged fields in the body.
      expect(res.status, `${label}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
      const json = res.json as Json;
      if (res.status < 300 && typeof json?.id === 'string') expect(json.id, label).not.toBe(forged);
      if (res.status < 300 && typeof json?.workspace_id === 'string') {
        expect(json.workspace_id, label).toBe(b.workspaceId);
      }
      tried.push(`${label} ${res.status}`);
    }
    expect(tried.length).toBeGreaterThan(8);
    // The forged ids were stored nowhere, and nothing of A's appeared or changed.
    expect(await rowsMentioning(s.t.database.db, forgedIds)).toEqual([]);
    expect(await rowsMentioning(s.t.database.db, needles)).toEqual(before);
  });
});
