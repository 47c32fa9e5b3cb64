import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Execution, executionsApi } from '../api/executions.api';
import { duration, errorMessage, timeAgo } from '../ui/format';
import { CannotOpen, PageLoading } from '../ui/page-state';
import { compareRuns, type FieldDiff, type NodeComparison } from './compare-model';
import { contactLabel } from './contact-label';
import { StatusBadge } from './status-badge';

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function RunHead({ label, run }: { label: string; run: Execution }) {
  const details = `${duration(run.execution_time_ms)} · v${run.connector_version} · ${contactLabel(run)}`;
  return (
    <div className="compare-run">
      <span className="compare-run-label">{label}</span>
      <Link to={`/executions/${run.id}`}>
        <StatusBadge status={run.status} />
      </Link>
      <span title={run.started_at ?? run.created_at}>{timeAgo(run.started_at ?? run.created_at)}</span>
      <span className="faint compare-run-details" title={details}>
        {details}
      </span>
    </div>
  );
}

function NodeRow({ node, onlyDiffs }: { node: NodeComparison; onlyDiffs: boolean }) {
  const [open, setOpen] = useState(node.differences > 0);
  const fields: FieldDiff[] = onlyDiffs ? node.fields.filter((f) => !f.same && !f.expected) : node.fields;
  return (
    <section className={`compare-node${node.differences ? ' has-diff' : ''}`} data-node={node.nodeId}>
      <button
        type="button"
        className="compare-node-head"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="compare-node-name">
          {node.name} <code className="faint">{node.nodeId}</code>
        </span>
        <span className="compare-cell">
          {node.a ? <StatusBadge status={node.a.status} /> : <span className="faint">not in run A</span>}
          <span className="faint">{duration(node.a?.duration_ms)}</span>
        </span>
        <span className="compare-cell">
          {node.b ? <StatusBadge status={node.b.status} /> : <span className="faint">not in run B</span>}
          <span className="faint">{duration(node.b?.duration_ms)}</span>
        </span>
        <span className={`badge ${node.differences ? 'badge-warning' : ''}`}>
          {node.differences
            ? `${node.differences} ${node.differences === 1 ? 'difference' : 'differences'}`
            : 'Same'}
        </span>
      </button>
      {open ? (
        fields.length ? (
          <table className="compare-fields">
            <thead>
              <tr>
                <th>Field</th>
                <th>Run A</th>
                <th>Run B</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr
                  key={f.path}
                  className={f.same || f.expected ? '' : 'is-diff'}
                  data-field={f.path}
                  data-diff={!f.same && !f.expected}
                  title={f.expected ? 'Differs in every run: not counted' : undefined}
                >
                  <th scope="row">
                    <code>{f.path}</code>
                  </th>
                  <td>
                    <code>{show(f.a)}</code>
                  </td>
                  <td>
                    <code>{show(f.b)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="faint compare-empty">Both runs did the same here.</p>
        )
      ) : null}
    </section>
  );
}

/** `/executions/compare?a=&b=`: two runs of one connector side by side, node by node, differences marked. */
export function ComparePage() {
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const [runs, setRuns] = useState<[Execution, Execution] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyDiffs, setOnlyDiffs] = useState(true);

  useEffect(() => {
    setRuns(null);
    setError(null);
    if (!a || !b) {
      setError('Pick two runs to compare in the executions list.');
      return;
    }
    Promise.all([executionsApi.get(a), executionsApi.get(b)])
      .then(([left, right]) => {
        if (left.connector_id !== right.connector_id) {
          setError('These runs are of different connectors: compare two runs of one connector.');
          return;
        }
        setRuns([left, right]);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [a, b]);

  const nodes = useMemo(() => (runs ? compareRuns(runs[0], runs[1]) : []), [runs]);
  if (error) {
    return (
      <CannotOpen
        title="These runs cannot be compared"
        back={{ to: '/executions', label: 'Back to Executions' }}
      >
        {error}
      </CannotOpen>
    );
  }
  if (!runs) {
    return <PageLoading>Loading both runs…</PageLoading>;
  }
  const differing = nodes.filter((n) => n.differences > 0).length;
  return (
    <div className="page page-wide compare-page">
      <header className="page-header">
        <div>
          <h1>Compare runs of {runs[0].connector_name ?? 'a connector'}</h1>
          <p className="muted">
            {differing
              ? `${differing} of ${nodes.length} nodes differ. Timings, idempotency keys and response dates always differ and are not counted.`
              : 'Every node did the same in both runs.'}
          </p>
        </div>
        <div className="page-header-actions">
          <label className="check-label">
            <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} />{' '}
            Only differences
          </label>
          <Link className="btn" to={`/executions/compare?a=${b}&b=${a}`}>
            Swap
          </Link>
        </div>
      </header>
      <div className="compare-heads">
        <span />
        <RunHead label="A" run={runs[0]} />
        <RunHead label="B" run={runs[1]} />
      </div>
      <div className="compare-list">
        {nodes.map((node) => (
          <NodeRow key={node.nodeId} node={node} onlyDiffs={onlyDiffs} />
        ))}
      </div>
    </div>
  );
}
