import { useEffect, useState } from 'react';
import { type BulkRun, bulkRunFinished, bulkRunsApi } from '../../api/bulk-runs.api';
import { errorMessage } from '../../ui/format';

/** How often a running bulk run is read again. */
export const BULK_POLL_MS = 1000;

/**
 * A bulk run's progress, read from `/bulk-runs/:id` until every contact is accounted for: a bar, the
 * counts, and at the end the summary (succeeded, failed, fields changed).
 */
export function BulkProgress({
  bulkRunId,
  total,
  pollMs = BULK_POLL_MS,
  onFinished,
}: {
  bulkRunId: string;
  total: number;
  pollMs?: number;
  onFinished?: (run: BulkRun) => void;
}) {
  const [run, setRun] = useState<BulkRun | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: onFinished is read once, when the run ends
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await bulkRunsApi.get(bulkRunId);
        if (!live) return;
        setRun(next);
        setError(null);
        if (bulkRunFinished(next)) onFinished?.(next);
        else timer = setTimeout(poll, pollMs);
      } catch (err) {
        if (!live) return;
        setError(errorMessage(err));
        timer = setTimeout(poll, pollMs * 3);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bulkRunId, pollMs]);

  const all = run?.total ?? total;
  const done = (run?.succeeded ?? 0) + (run?.failed ?? 0);
  const finished = run ? bulkRunFinished(run) : false;
  const share = all > 0 ? Math.min(1, done / all) : finished ? 1 : 0;
  return (
    <section className="bulk-progress" aria-label="Bulk run progress">
      <div className="bulk-progress-head">
        <strong>{finished ? 'Finished' : 'Running…'}</strong>
        <span className="faint">
          {done} of {all} {all === 1 ? 'contact' : 'contacts'}
        </span>
      </div>
      <div
        className={`bulk-bar${finished ? ' is-done' : ''}${run && run.failed > 0 ? ' has-failures' : ''}`}
        role="progressbar"
        aria-label="Contacts done"
        aria-valuemin={0}
        aria-valuemax={all}
        aria-valuenow={done}
      >
        <span
          className="bulk-bar-ok"
          style={{ width: `${all ? ((run?.succeeded ?? 0) / all) * 100 : share * 100}%` }}
        />
        <span
          className="bulk-bar-failed"
          style={{ width: `${all ? ((run?.failed ?? 0) / all) * 100 : 0}%` }}
        />
      </div>
      <dl className="bulk-counts">
        <div>
          <dt>Succeeded</dt>
          <dd className="bulk-ok">{run?.succeeded ?? 0}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd className={run && run.failed > 0 ? 'bulk-failed' : ''}>{run?.failed ?? 0}</dd>
        </div>
        <div>
          <dt>Waiting</dt>
          <dd>{run ? Math.max(0, all - done) : all}</dd>
        </div>
        <div>
          <dt>Fields changed</dt>
          <dd>{run?.fields_changed ?? 0}</dd>
        </div>
      </dl>
      {finished && run ? (
        <p className="bulk-summary" role="status">
          {run.failed === 0
            ? `All ${run.succeeded} ${run.succeeded === 1 ? 'run' : 'runs'} succeeded; ${run.fields_changed} ${run.fields_changed === 1 ? 'field' : 'fields'} changed.`
            : `${run.succeeded} succeeded, ${run.failed} failed; ${run.fields_changed} ${run.fields_changed === 1 ? 'field' : 'fields'} changed. Open Executions to see why the failed ones failed.`}
        </p>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </section>
  );
}
