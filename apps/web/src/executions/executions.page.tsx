import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type Connector, connectorsApi } from '../api/connectors.api';
import { type Execution, executionsApi } from '../api/executions.api';
import { EmptyState } from '../ui/empty-state';
import { duration, timeAgo } from '../ui/format';
import { IconExecutions } from '../ui/icons';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { usePagedList } from '../ui/use-paged-list';
import { contactLabel } from './contact-label';
import { StatusBadge } from './status-badge';

const STATUSES = ['success', 'partial', 'failed', 'timeout', 'cancelled', 'running', 'pending'] as const;

/** "2 ✓ 1 ✗ 1 skipped of 4": how far a run got, at a glance. */
function StepCountsCell({ execution }: { execution: Execution }) {
  const c = execution.step_counts;
  if (!c) return <span className="faint">—</span>;
  const done = c.success + c.failed + c.skipped;
  return (
    <span
      className="step-counts"
      title={`${c.success} succeeded, ${c.failed} failed, ${c.skipped} skipped, of ${c.total}`}
    >
      <span className="step-meter" aria-hidden="true">
        <span className="ok" style={{ flexGrow: c.success }} />
        <span className="bad" style={{ flexGrow: c.failed }} />
        <span className="skip" style={{ flexGrow: c.skipped }} />
        <span className="rest" style={{ flexGrow: Math.max(0, c.total - done) }} />
      </span>
      <span className="step-counts-text">
        {c.success}/{c.total}
        {c.failed ? <span className="bad"> · {c.failed} failed</span> : null}
      </span>
    </span>
  );
}

/**
 * Every run of the workspace, or of one connector, newest first; filtered by status and connector; a
 * page at a time (keyset cursors). A row opens the run; two rows of one connector can be compared.
 */
export function ExecutionsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const status = params.get('status') ?? '';
  const connectorId = params.get('connector') ?? '';
  const [connectors, setConnectors] = useState<Connector[]>([]);
  const [picked, setPicked] = useState<string[]>([]);

  useEffect(() => {
    connectorsApi
      .list({ limit: 200 })
      .then((page) => setConnectors(page.data))
      .catch(() => setConnectors([]));
  }, []);

  const query = useCallback(
    (more?: string) =>
      executionsApi.list({
        status: status || undefined,
        connector_id: connectorId || undefined,
        cursor: more,
      }),
    [status, connectorId],
  );
  const { items, hasMore, error, loadingMore, reload: load, more } = usePagedList(query);
  // A new filter starts a new comparison.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when the query changes
  useEffect(() => setPicked([]), [query]);

  // A page showing unfinished runs refreshes itself until they end.
  const unfinished = items?.some((e) => e.status === 'pending' || e.status === 'running') ?? false;
  useEffect(() => {
    if (!unfinished) return;
    const timer = setInterval(() => void load(), 2_000);
    return () => clearInterval(timer);
  }, [unfinished, load]);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const toggle = (id: string) =>
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list.slice(-1), id]));
  const pickedRuns = (items ?? []).filter((e) => picked.includes(e.id));
  const comparable = pickedRuns.length === 2 && pickedRuns[0]?.connector_id === pickedRuns[1]?.connector_id;
  const connector = connectors.find((c) => c.id === connectorId);

  return (
    <div className="page page-wide">
      <PageHeader
        title={connector ? `Runs of ${connector.name}` : 'Executions'}
        description={
          connector ? (
            <>
              Every run of this connector. <Link to={`/connectors/${connector.id}`}>Open the connector</Link>
            </>
          ) : (
            'Every run of every connector, test runs included.'
          )
        }
      />
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
        <div className="toolbar-spacer" />
        {picked.length ? (
          <span className="faint compare-hint">
            {picked.length === 1
              ? 'Select one more run to compare'
              : comparable
                ? '2 runs selected'
                : 'Pick two runs of the same connector'}
          </span>
        ) : null}
        <button
          type="button"
          className="btn btn-primary"
          disabled={!comparable}
          onClick={() => navigate(`/executions/compare?a=${pickedRuns[1]?.id}&b=${pickedRuns[0]?.id}`)}
        >
          Compare
        </button>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {items === null ? (
        <PageLoading>Loading executions…</PageLoading>
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
          <table className="table executions-table">
            <thead>
              <tr>
                <th className="pick-cell">
                  <span className="visually-hidden">Compare</span>
                </th>
                <th>Status</th>
                <th>Connector</th>
                <th>Contact</th>
                <th>Started</th>
                <th className="num">Duration</th>
                <th>Steps</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const open = () => navigate(`/executions/${e.id}`);
                return (
                  <tr
                    key={e.id}
                    className={`clickable-row${picked.includes(e.id) ? ' is-picked' : ''}`}
                    data-execution={e.id}
                    onClick={open}
                    onKeyDown={(ev) => {
                      if (ev.key === 'Enter' && ev.target === ev.currentTarget) open();
                    }}
                  >
                    <td className="pick-cell">
                      <input
                        type="checkbox"
                        aria-label={`Select the run of ${timeAgo(e.started_at ?? e.created_at)} to compare`}
                        checked={picked.includes(e.id)}
                        onClick={(ev) => ev.stopPropagation()}
                        onChange={() => toggle(e.id)}
                      />
                    </td>
                    <td>
                      <Link
                        to={`/executions/${e.id}`}
                        className="row-link"
                        aria-label={`Open run ${e.id.slice(0, 8)} (${e.status})`}
                        onClick={(ev) => ev.stopPropagation()}
                      >
                        <StatusBadge status={e.status} />
                      </Link>
                    </td>
                    <td>
                      <span className="connector-cell">
                        <span className="truncate" title={e.connector_name ?? undefined}>
                          {e.connector_name ?? 'Connector'}
                        </span>
                        {e.mode === 'test' ? <span className="badge mode-badge">Test</span> : null}
                      </span>
                    </td>
                    <td className="truncate faint" title={e.contact?.email ?? ''}>
                      {contactLabel(e)}
                    </td>
                    <td className="faint nowrap" title={e.started_at ?? e.created_at}>
                      {timeAgo(e.started_at ?? e.created_at)}
                    </td>
                    <td className="num">{duration(e.execution_time_ms)}</td>
                    <td>
                      <StepCountsCell execution={e} />
                    </td>
                    <td className="truncate error-cell" title={e.error_message ?? ''}>
                      {e.error_message ?? <span className="faint">—</span>}
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
