import { Fragment, useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Connector, connectorsApi } from '../api/connectors.api';
import { type Execution, executionsApi } from '../api/executions.api';
import { EmptyState } from '../ui/empty-state';
import { duration, errorMessage, timeAgo } from '../ui/format';
import { IconExecutions } from '../ui/icons';
import { PageHeader } from '../ui/page-header';
import { ExecutionSteps } from './execution-steps';
import { StatusBadge } from './status-badge';

const STATUSES = ['success', 'partial', 'failed', 'timeout', 'cancelled', 'running', 'pending'] as const;

/** Every run of the workspace, newest first, filtered by status and connector; a row unfolds its steps. */
export function ExecutionsPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const connectorId = params.get('connector') ?? '';
  const [items, setItems] = useState<Execution[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [connectors, setConnectors] = useState<Connector[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    connectorsApi
      .list({ limit: 200 })
      .then((page) => setConnectors(page.data))
      .catch(() => setConnectors([]));
  }, []);

  const load = useCallback(async () => {
    try {
      const page = await executionsApi.list({
        status: status || undefined,
        connector_id: connectorId || undefined,
      });
      setItems(page.data);
      setCursor(page.next_cursor);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
      setItems([]);
    }
  }, [status, connectorId]);
  useEffect(() => {
    void load();
  }, [load]);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const more = async () => {
    if (!cursor) return;
    const page = await executionsApi.list({
      status: status || undefined,
      connector_id: connectorId || undefined,
      cursor,
    });
    setItems((list) => [...(list ?? []), ...page.data]);
    setCursor(page.next_cursor);
  };
  const names = new Map(connectors.map((c) => [c.id, c]));

  return (
    <div className="page">
      <PageHeader title="Executions" description="Every run of every connector, test runs included." />
      <div className="toolbar">
        <select
          className="select toolbar-select"
          aria-label="Filter by status"
          value={status}
          onChange={(e) => setFilter('status', e.target.value)}
        >
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0]?.toUpperCase()}
              {s.slice(1)}
            </option>
          ))}
        </select>
        <select
          className="select toolbar-select"
          aria-label="Filter by connector"
          value={connectorId}
          onChange={(e) => setFilter('connector', e.target.value)}
        >
          <option value="">All connectors</option>
          {connectors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      ) : null}
      {items === null ? (
        <div className="page-loading" role="status">
          <span className="spinner" /> Loading executions…
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconExecutions size={28} />}
          title={status || connectorId ? 'No execution matches' : 'No runs yet'}
          actions={
            <Link className="btn" to="/connectors">
              Open a connector
            </Link>
          }
        >
          {status || connectorId
            ? 'Change the filters to see other runs.'
            : 'Open a connector and press Test run: every run is recorded here, step by step.'}
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>Status</th>
                <th>Connector</th>
                <th>Mode</th>
                <th>Started</th>
                <th className="num">Duration</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <Fragment key={e.id}>
                  <tr className="clickable-row">
                    <td>
                      <button
                        type="button"
                        className="row-toggle"
                        aria-expanded={open === e.id}
                        aria-label={`${open === e.id ? 'Hide' : 'Show'} steps of this run`}
                        onClick={() => setOpen(open === e.id ? null : e.id)}
                      >
                        <StatusBadge status={e.status} />
                      </button>
                    </td>
                    <td>
                      <Link to={`/connectors/${e.connector_id}`}>
                        {names.get(e.connector_id)?.name ?? 'Connector'}
                      </Link>
                    </td>
                    <td>
                      <span className="badge">{e.mode === 'test' ? 'Test' : 'Live'}</span>
                    </td>
                    <td className="faint" title={e.started_at ?? e.created_at}>
                      {timeAgo(e.started_at ?? e.created_at)}
                    </td>
                    <td className="num">{duration(e.execution_time_ms)}</td>
                    <td className="truncate error-cell" title={e.error_message ?? ''}>
                      {e.error_message ?? <span className="faint">—</span>}
                    </td>
                  </tr>
                  {open === e.id ? (
                    <tr className="detail-row">
                      <td colSpan={6}>
                        <ExecutionSteps executionId={e.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
          {cursor ? (
            <div className="table-more">
              <button type="button" className="btn" onClick={() => void more()}>
                Load more
              </button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
