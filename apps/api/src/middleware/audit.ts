import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../app-context';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records who created, changed, deleted or ran what (issue 8): after every successful (2xx) mutating
 * request under `/api/v1` that passed authentication, one `audit_log` row with the actor (user and/or API
 * key), the action and resource read from the matched route's pattern, the resource's id and the
 * status. One middleware rather than a call in each route, so routes added later are audited too.
 * Never the body, the query or a header: only ids from the path (and a created resource's id from the
 * response), so no secret can reach the log.
 */
export const auditMutations = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!MUTATING.has(c.req.method) || c.res.status < 200 || c.res.status >= 300) return;
  const auth = c.get('auth');
  if (!auth) return;
  const route = respondingRoute(c);
  if (!route) return;
  const described = describeAuditedRoute(c.req.method, route, c.req.param());
  // Only a create's or an update's answer is the resource itself; a run's, a clone's or an install's
  // answer is something else (and a test run's can be large), so it is not read.
  const answer =
    described.action === 'create' || described.action === 'update' ? await answered(c.res) : null;
  // A credential is addressed by its service (`DELETE /workspace/credentials/:service`), so its create
  // is recorded under the service too and both entries name the same thing.
  const createdId = described.resourceType === 'credential' ? answer?.name : answer?.id;
  const resourceId = described.resourceId ?? (described.action === 'create' ? (createdId ?? null) : null);
  try {
    // Awaited: the answer goes out only once its row is stored (the writer shares one insert between
    // the requests finishing together).
    await c.var.ctx.audit.record({
      workspace_id: auth.workspaceId,
      actor_user_id: auth.userId,
      actor_api_key_id: auth.apiKeyId,
      action: described.action,
      resource_type: described.resourceType,
      resource_id: resourceId,
      resource_name: c.get('auditName') ?? answer?.name ?? null,
      method: c.req.method,
      route,
      status: c.res.status,
    });
  } catch (error) {
    // The change itself is done and answered; a lost entry is reported, not turned into a 500.
    console.error(`[audit] could not record ${c.req.method} ${route}: ${(error as Error).message}`);
  }
});

/** The pattern of the handler that answered (`/api/v1/connectors/:id`), not a middleware's `*`. */
function respondingRoute(c: Parameters<typeof matchedRoutes>[0]): string | undefined {
  const routes = matchedRoutes(c).filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
  return routes.at(-1)?.path;
}

/**
 * The id and the name in a JSON answer: `id` (or an `executionId`-style key) of what a create made, and
 * what the resource is called — `name` (connectors, flows, API keys, workspaces) or `service_name`
 * (credentials). Only these fields are read: an answer that also holds a secret (a new API key) gives its
 * name, never the secret; a contact's personal fields are never copied into the log.
 */
async function answered(res: Response): Promise<{ id: string | null; name: string | null } | null> {
  if (!res.headers.get('content-type')?.includes('application/json')) return null;
  try {
    const json = (await res.clone().json()) as Record<string, unknown>;
    let id = typeof json.id === 'string' ? json.id : null;
    if (id === null) {
      for (const [key, value] of Object.entries(json)) {
        if (/Id$/.test(key) && typeof value === 'string') {
          id = value;
          break;
        }
      }
    }
    const name = [json.name, json.service_name].find((v) => typeof v === 'string' && v !== '');
    return { id, name: typeof name === 'string' ? name.slice(0, 200) : null };
  } catch {
    // not JSON after all: nothing to read
  }
  return null;
}

/** What an audited request did, read from its route's pattern. */
export interface AuditedAction {
  /** `create`, `update`, `delete`, or the route's verb: `execute`, `test`, `run`, `clone`, `add_member`… */
  action: string;
  /** Singular snake_case of the collection: `connector`, `credential`, `api_key`, `flow`, … */
  resourceType: string;
  /** The id (or name) in the path, if the route has one. */
  resourceId: string | null;
}

/** `api-keys` → `api_key`, `workspace/credentials` → `credential`, `flow-runs` → `flow_run`. */
function singular(collection: string): string {
  const last = collection.split('/').at(-1) ?? collection;
  const one = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.endsWith('s') ? last.slice(0, -1) : last;
  return one.replace(/-/g, '_');
}

/**
 * Describes a mutating request by its route: `POST /api/v1/connectors` → create connector;
 * `PUT /api/v1/connectors/:id` → update connector :id; `POST /api/v1/connectors/:id/execute` → execute
 * connector :id; `POST /api/v1/workspaces/:id/members` → add_member workspace :id. Generic, so a route
 * added tomorrow is described without a table to keep up to date.
 *
 * @example describeAuditedRoute('DELETE', '/api/v1/workspace/credentials/:service', { service: 'hubspot' })
 *   // → { action: 'delete', resourceType: 'credential', resourceId: 'hubspot' }
 */
export function describeAuditedRoute(
  method: string,
  route: string,
  params: Record<string, string>,
): AuditedAction {
  const segments = route
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter(Boolean);
  const firstParam = segments.findIndex((s) => s.startsWith(':'));
  const collection = (firstParam === -1 ? segments : segments.slice(0, firstParam)).join('/');
  const paramName = firstParam === -1 ? undefined : segments[firstParam]?.slice(1).replace(/\{.*$/, '');
  const tail = firstParam === -1 ? [] : segments.slice(firstParam + 1).filter((s) => !s.startsWith(':'));
  const resourceId = paramName ? (params[paramName] ?? null) : null;
  const resourceType = singular(collection || 'workspace');
  const verb = tail.join('_').replace(/-/g, '_');
  let action: string;
  if (verb) {
    // `POST /workspaces/:id/members` adds a member; `POST /connectors/:id/execute` executes.
    action = method === 'POST' && verb.endsWith('s') ? `add_${singular(verb)}` : verb;
    if (method === 'DELETE') action = `remove_${singular(verb)}`;
    if (method === 'PUT' || method === 'PATCH') action = `update_${verb}`;
  } else if (method === 'POST') {
    action = firstParam === -1 ? 'create' : 'update';
  } else if (method === 'DELETE') {
    action = 'delete';
  } else {
    action = 'update';
  }
  return { action, resourceType, resourceId };
}
