import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../session/session-context';
import { EmptyState } from '../ui/empty-state';
import { timeAgo } from '../ui/format';
import { IconExecutions } from '../ui/icons';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { usePagedList } from '../ui/use-paged-list';
import { type AuditEntry, auditApi } from './audit.api';
import { actionLabel, resourceLabel, resourceLink, resourceNoun } from './audit-labels';

const TYPES = ['', 'connector', 'credential', 'api_key', 'flow', 'contact', 'execution', 'workspace'];

/** "Activity": who created, changed, deleted or ran what in the workspace, newest first. */
export function AuditPage() {
  const me = useMe();
  const [type, setType] = useState('');
  const [keys, setKeys] = useState<Map<string, string>>(new Map());

  const query = useCallback(
    (cursor?: string) =>
      auditApi.list({ ...(cursor ? { cursor } : {}), ...(type ? { resource_type: type } : {}) }),
    [type],
  );
  const { items: entries, hasMore, error, loadingMore, more } = usePagedList(query);
  useEffect(() => {
    // Names for the keys that acted; an API-key session may not list keys, and then ids are shown.
    auditApi
      .apiKeys()
      .then((page) => setKeys(new Map(page.data.map((k) => [k.id, k.name]))))
      .catch(() => undefined);
  }, []);

  const actor = (entry: AuditEntry) => {
    const who =
      entry.actor.user_id === me.user?.id
        ? 'You'
        : (entry.actor.email ?? (entry.actor.user_id ? 'A former member' : 'Someone'));
    if (!entry.actor.api_key_id) return who;
    return `${who}, with the API key “${keys.get(entry.actor.api_key_id) ?? entry.actor.api_key_id.slice(0, 8)}”`;
  };

  return (
    <div className="page">
      <PageHeader
        title="Activity"
        description="Who created, changed, deleted or ran connectors, credentials, API keys and flows, and when."
      />
      <div className="toolbar">
        <select
          className="select toolbar-select"
          aria-label="Filter by resource"
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          {TYPES.map((t) => (
            <option key={t} value={t}>
              {t ? `${resourceLabel(t)}s` : 'Everything'}
            </option>
          ))}
        </select>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {entries === null ? (
        <PageLoading>Loading activity…</PageLoading>
      ) : entries.length === 0 ? (
        <EmptyState icon={<IconExecutions size={28} />} title="No activity yet">
          Changes and runs appear here as they happen.
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Resource</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const link = resourceLink(entry);
                return (
                  <tr key={entry.id}>
                    <td className="faint" title={new Date(entry.created_at).toLocaleString()}>
                      {timeAgo(entry.created_at)}
                    </td>
                    <td>{actor(entry)}</td>
                    <td>
                      {actionLabel(entry.action)} {resourceNoun(entry.resource_type)}
                    </td>
                    <td
                      className={entry.resource_name ? undefined : 'mono'}
                      title={entry.resource_id ?? undefined}
                    >
                      {link ? (
                        <Link to={link}>{entry.resource_name ?? entry.resource_id}</Link>
                      ) : (
                        (entry.resource_name ?? entry.resource_id ?? '—')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore hasMore={hasMore} onMore={() => void more()} loading={loadingMore} />
        </div>
      )}
    </div>
  );
}
