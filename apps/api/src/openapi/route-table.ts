import { accountDocs } from './docs/account.docs';
import { auditDocs } from './docs/audit.docs';
import { bulkDocs } from './docs/bulk.docs';
import { connectorDocs } from './docs/connector.docs';
import { contactDocs } from './docs/contact.docs';
import { flowDocs } from './docs/flow.docs';
import { historyDocs } from './docs/history.docs';
import { runDocs } from './docs/run.docs';
import { templateDocs } from './docs/template.docs';
import type { RouteDoc } from './route-doc';

/** Every route the API documents, in the order of the reference. */
export const ROUTE_TABLE: readonly RouteDoc[] = [
  ...accountDocs,
  ...auditDocs,
  ...connectorDocs,
  ...runDocs,
  ...templateDocs,
  ...contactDocs,
  ...historyDocs,
  ...flowDocs,
  ...bulkDocs,
];

/** Tags in reference order, with their one-line descriptions. */
export const TAGS: { name: string; description: string }[] = [
  { name: 'System', description: 'Health and this description of the API' },
  { name: 'Auth', description: 'Sign-up, sessions and the caller' },
  { name: 'Workspaces', description: 'Teams; every other resource belongs to one' },
  { name: 'API keys', description: 'Keys for scripts and servers (Authorization: Bearer <key>)' },
  { name: 'Audit log', description: 'Who created, changed, deleted or ran what, and when' },
  { name: 'Connectors', description: 'Graphs of HTTP calls that enrich contacts' },
  { name: 'Executions', description: 'Running connectors and reading their runs step by step' },
  { name: 'Credentials', description: 'Encrypted API secrets of the workspace' },
  { name: 'Templates', description: 'Ready-made connectors for real APIs' },
  { name: 'Contacts', description: 'The CRM records connectors enrich' },
  { name: 'Flows', description: 'Automations over contacts built in the Flow Builder, and their runs' },
  { name: 'Bulk runs', description: 'A connector or a flow over many contacts, within the rate limit' },
];

/** `/api/v1/connectors/:id` → `get /api/v1/connectors/{id}`: one key per operation, as OpenAPI writes it. */
export function operationKey(method: string, honoPath: string): string {
  return `${method.toLowerCase()} ${openApiPath(honoPath)}`;
}

/** Hono's `:name` (and `:name{regex}`) parameters as OpenAPI's `{name}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?/g, '{$1}');
}

/** The path parameters of a Hono path, in order. */
export function pathParams(honoPath: string): string[] {
  return [...honoPath.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string);
}

/** Whether an entry of Hono's `app.routes` is a route, not a middleware (those are `ALL` or `*`). */
export function isRoute(route: { method: string; path: string }): boolean {
  return route.method !== 'ALL' && !route.path.endsWith('*');
}

/** The operations an app really serves, from Hono's `app.routes` (middleware entries left out). */
export function servedOperations(routes: readonly { method: string; path: string }[]): Set<string> {
  const served = new Set<string>();
  for (const route of routes) {
    if (!isRoute(route)) continue;
    // The web app's pages (`/`, client routes) are served beside the API but are not API operations.
    if (!route.path.startsWith('/api/') && route.path !== '/healthz') continue;
    served.add(operationKey(route.method, route.path));
  }
  return served;
}
