import type { Executor } from '@connectors/db';
import type { MockApi } from '@connectors/runner/testing';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { RouteDoc } from '../../src/openapi/route-doc';
import { ROUTE_TABLE } from '../../src/openapi/route-table';
import { type Json, seedWorkspace, waitForExecution } from '../support/run-helpers';
import { Client, type TestApp } from '../support/test-app';

/**
 * One workspace with one of everything the API can hold, reachable as its signed-in user and with an API
 * key. `ids` maps each collection segment of a path (`connectors`, `workspace/credentials`, …) to the id
 * that fills the `:param` after it.
 */
export interface Tenant {
  workspaceId: string;
  userId: string;
  email: string;
  session: Client;
  apiKey: Client;
  ids: Record<string, string>;
}

/** Statuses of something still in progress. */
const UNSETTLED = ['pending', 'queued', 'running', 'paused'];

/** `bulkRunId` → `bulk-runs`, `executionId` → `executions`. */
function idKeyCollection(key: string): string | undefined {
  const match = /^([a-z][A-Za-z]*)Id$/.exec(key);
  if (!match?.[1]) return undefined;
  return `${match[1].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}s`;
}

/** The collections whose new id the route's success answer names (from its documented schema). */
function producedCollections(route: RouteDoc): string[] {
  const out: string[] = [];
  for (const [status, response] of Object.entries(route.responses)) {
    if (Number(status) >= 300) continue;
    const shape = (response.schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
    for (const key of Object.keys(shape)) {
      const collection = idKeyCollection(key);
      if (collection && ROUTE_TABLE.some((r) => r.path.startsWith(`/api/v1/${collection}/:`)))
        out.push(collection);
    }
  }
  return out;
}

/** The operations whose request body cannot come from the route's example or the resource itself. */
function knownBody(route: RouteDoc, t: Tenant, extra: { memberEmail: string }): unknown | undefined {
  switch (`${route.method} ${route.path}`) {
    case 'post /api/v1/workspaces':
      return { name: `Workspace ${Math.random().toString(36).slice(2)}` };
    case 'post /api/v1/workspaces/:id/members':
      return { email: extra.memberEmail, role: 'member' };
    case 'post /api/v1/api-keys':
      return { name: 'another key' };
    case 'post /api/v1/connectors/:id/test':
    case 'post /api/v1/flows/:id/run':
      return { contactId: t.ids.contacts };
    default:
      return undefined;
  }
}

/** Replaces the example's placeholder ids (`contactId: '5f0c…'`) with the tenant's real ones. */
export function fillIds(value: unknown, ids: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => fillIds(v, ids));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const plain = key.replace(/_/g, '').toLowerCase();
    const collection = { contactid: 'contacts', connectorid: 'connectors', flowid: 'flows' }[plain];
    const many = { contactids: 'contacts', connectorids: 'connectors' }[plain];
    if (collection && typeof inner === 'string' && ids[collection]) out[key] = ids[collection];
    else if (many && Array.isArray(inner) && ids[many]) out[key] = [ids[many]];
    else out[key] = fillIds(inner, ids);
  }
  return out;
}

/** The collection a path's `:param` belongs to: `/api/v1/workspace/credentials/:service` → `workspace/credentials`. */
export function paramCollections(path: string): string[] {
  const segments = path.replace(/^\/api\/v1\//, '').split('/');
  const out: string[] = [];
  let run: string[] = [];
  for (const segment of segments) {
    if (segment.startsWith(':')) {
      out.push(run.join('/'));
      run = [];
    } else run.push(segment);
  }
  return out;
}

/** The route's path with each `:param` replaced by the tenant's id of that collection. */
export function fillPath(path: string, ids: Record<string, string>): string {
  const collections = paramCollections(path);
  let index = 0;
  return path.replace(/:([A-Za-z_]\w*)/g, () => {
    const collection = collections[index++] ?? '';
    const id = ids[collection];
    if (!id) {
      throw new Error(
        `No ${collection} to fill ${path}: teach createTenant (tests/security/tenant-fixtures.ts) to create one`,
      );
    }
    return encodeURIComponent(id);
  });
}

/** A valid body for the route, as this tenant: known, or the documented example, or the resource itself (PUT). */
export async function validBody(
  route: RouteDoc,
  t: Tenant,
  extra: { memberEmail: string },
): Promise<unknown> {
  const known = knownBody(route, t, extra);
  if (known !== undefined) return known;
  if (route.bodyExample !== undefined) return uniqueName(fillIds(route.bodyExample, t.ids));
  if (route.method === 'put' || route.method === 'patch') {
    const current = await t.session.get(fillPath(route.path, t.ids).replace(/^\/api\/v1/, ''));
    expect(current.status, `GET before ${route.method} ${route.path}`).toBe(200);
    return current.json;
  }
  return route.body ? {} : undefined;
}

/** Names are unique per workspace: an example's name gets a random suffix. */
function uniqueName(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const named = body as { name?: unknown };
  if (typeof named.name !== 'string') return body;
  return { ...named, name: `${named.name} ${Math.random().toString(36).slice(2, 8)}` };
}

/** The id a create answered with (`id`, `executionId`, `flowRunId`, …). */
function createdId(json: Json): string | undefined {
  if (typeof json?.id === 'string') return json.id;
  for (const [key, value] of Object.entries(json ?? {})) {
    if (/Id$/.test(key) && typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * Signs up a user and creates one of every resource: the seed's connector (with its credential and a
 * contact), an API key, a finished execution, a flow and a finished flow run; then, for any other
 * collection the API documents with an example body, one created from that example.
 */
export async function createTenant(app: TestApp['app'], api: MockApi): Promise<Tenant> {
  const seeded = await seedWorkspace(app, api);
  const session = seeded.client;
  const me = await session.get('/me');
  const key = await session.post('/api-keys', { name: 'isolation test' });
  expect(key.status).toBe(201);
  const apiKey = new Client(app, { authorization: `Bearer ${key.json.key}` });
  // Credentials are addressed by service name: one no other workspace has.
  const service = `svc_${Math.random().toString(36).slice(2, 10)}`;
  const credential = await session.post('/workspace/credentials', {
    service,
    credentials: { token: 'tenant-secret-value' },
  });
  expect(credential.status).toBe(201);
  const ids: Record<string, string> = {
    workspaces: seeded.workspaceId,
    connectors: seeded.connector.id,
    contacts: seeded.contact.id,
    'api-keys': key.json.id,
    'workspace/credentials': service,
  };
  const executed = await session.post(`/connectors/${ids.connectors}/execute`, { contactId: ids.contacts });
  expect(executed.status).toBe(202);
  const executionId: string = executed.json.executionId;
  ids.executions = executionId;
  await waitForExecution(session, executionId);
  const templates = await session.get('/connector-templates');
  ids['connector-templates'] = templates.json.data[0].id;

  // Collections documented with an example create body (flows today, whatever is added tomorrow).
  for (const route of ROUTE_TABLE) {
    if (route.method !== 'post' || route.public || route.bodyExample === undefined) continue;
    const collection = route.path.replace(/^\/api\/v1\//, '');
    if (collection.includes(':') || ids[collection] || collection === 'workspace/credentials') continue;
    const created = await session.post(`/${collection}`, uniqueName(fillIds(route.bodyExample, ids)));
    expect(created.status, `POST /${collection}: ${JSON.stringify(created.json)}`).toBe(201);
    const id = createdId(created.json);
    if (id) ids[collection] = id;
  }
  // Resources created by an action on another (`POST /flows/:id/run` → a flow run): every documented
  // POST whose answer names a new `<thing>Id` is called once, and the id kept under `<things>`.
  for (const route of ROUTE_TABLE) {
    if (route.method !== 'post' || route.public || !route.path.includes(':')) continue;
    const produced = producedCollections(route).filter((collection) => !ids[collection]);
    if (produced.length === 0) continue;
    if (!paramCollections(route.path).every((collection) => ids[collection])) continue;
    const tenantSoFar = { workspaceId: seeded.workspaceId, userId: '', email: '', session, apiKey, ids };
    const body = await validBody(route, tenantSoFar, { memberEmail: '' });
    const res = await session.post(fillPath(route.path, ids).replace('/api/v1', ''), body);
    expect(res.status, `${route.path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
    for (const collection of produced) {
      const key = Object.keys(res.json ?? {}).find((k) => idKeyCollection(k) === collection);
      if (key) ids[collection] = res.json[key];
    }
  }
  // Let everything started settle, so nothing of the tenant changes under a test's feet.
  for (const [collection, id] of Object.entries(ids)) {
    if (!ROUTE_TABLE.some((r) => r.method === 'get' && r.path === `/api/v1/${collection}/:id`)) continue;
    const started = Date.now();
    for (;;) {
      const current = await session.get(`/${collection}/${encodeURIComponent(id)}`);
      const status = current.json?.status;
      if (typeof status !== 'string' || !UNSETTLED.includes(status) || Date.now() - started > 30_000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    workspaceId: seeded.workspaceId,
    userId: me.json.user?.id ?? me.json.id,
    email: me.json.user?.email ?? me.json.email,
    session,
    apiKey,
    ids,
  };
}

/** Every table in the public schema. */
export async function tableNames(db: Executor): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return tables.rows.map((r) => r.table_name);
}

/** Every row (as text) of every table that mentions one of `needles`, sorted: a snapshot of a tenant. */
export async function rowsMentioning(db: Executor, needles: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const table of await tableNames(db)) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db);
    for (const { row } of rows.rows) {
      if (needles.some((n) => row.includes(n))) out.push(`${table}: ${row}`);
    }
  }
  return out.sort();
}

/** The row counts of every table. */
export async function rowCounts(db: Executor): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await tableNames(db)) {
    const result = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(result.rows[0]?.n ?? 0);
  }
  return out;
}
