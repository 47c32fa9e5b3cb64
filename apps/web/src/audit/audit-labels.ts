import type { AuditEntry } from './audit.api';

/** Screens that show one resource, by the audit log's `resource_type`. */
const RESOURCE_PAGES: Record<string, string> = {
  connector: '/connectors',
  flow: '/flows',
  contact: '/contacts',
  execution: '/executions',
  flow_run: '/flow-runs',
};

/** `api_key` → `API key`, `connector_template` → `connector template` (as in a sentence). */
export function resourceNoun(type: string): string {
  return type.replace(/_/g, ' ').replace(/\bapi\b/i, 'API');
}

/** `api_key` → `API key`, `connector_template` → `Connector template` (as a heading). */
export function resourceLabel(type: string): string {
  const words = resourceNoun(type);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `add_member` → `added a member to`, `execute` → `executed`, `create` → `created`. */
export function actionLabel(action: string): string {
  const known: Record<string, string> = {
    create: 'created',
    update: 'changed',
    delete: 'deleted',
    execute: 'ran',
    test: 'test-ran',
    run: 'ran',
    clone: 'cloned',
    cancel: 'cancelled',
    retry: 'retried',
    install: 'installed',
    add_member: 'added a member to',
    bulk_execute: 'bulk-ran',
    bulk_run: 'bulk-ran',
  };
  return known[action] ?? action.replace(/_/g, ' ');
}

/** The page of the entry's resource, when it has one and still can (a deleted one has none). */
export function resourceLink(entry: AuditEntry): string | null {
  const base = RESOURCE_PAGES[entry.resource_type];
  if (!base || !entry.resource_id || entry.action === 'delete') return null;
  return `${base}/${encodeURIComponent(entry.resource_id)}`;
}
