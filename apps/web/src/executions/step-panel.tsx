import type { Graph } from '@connectors/engine';
import { useEffect, useState } from 'react';
import type { StepExecuted } from '../api/executions.api';
import { JsonView } from '../editor/run/json-view';
import { duration } from '../ui/format';
import { IconClose } from '../ui/icons';
import { AttemptView, clockTime } from './attempt-view';
import { receivedValues } from './run-model';
import { StatusBadge } from './status-badge';
import { StepError } from './step-error';

const NOTE: Record<string, string> = {
  pending: 'Not started: it waits for the nodes before it.',
  running: 'Running now: its attempts appear when it finishes.',
  skipped: 'Skipped: an edge into it was not active (a branch not taken, or a failure upstream).',
};

export interface StepPanelProps {
  step: StepExecuted;
  /** Copied from the retried run: its API was not called again. */
  reused?: boolean;
  graph: Graph | null;
  stepsById: ReadonlyMap<string, StepExecuted>;
  onClose: () => void;
}

/** What one node did in the run: outcome, timing, what it received, every attempt, what it carried on. */
export function StepPanel({ step, reused = false, graph, stepsById, onClose }: StepPanelProps) {
  const [shown, setShown] = useState(step.attempts.length);
  // A new node (or a new attempt arriving live) opens its last attempt: the one that decided the outcome.
  useEffect(() => setShown(step.attempts.length), [step.attempts.length]);
  const received = receivedValues(graph, stepsById, step.step_id);
  const attempt = step.attempts[shown - 1];
  return (
    <aside className="step-panel" aria-label={`Step ${step.step_id}`}>
      <header className="step-panel-head">
        <div className="step-panel-title">
          <h2>{step.step_name || step.step_id}</h2>
          <code className="faint">{step.step_id}</code>
        </div>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          aria-label="Close the step"
          onClick={onClose}
        >
          <IconClose />
        </button>
      </header>
      <div className="step-panel-scroll">
        <dl className="step-facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={step.status} />
            </dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{duration(step.duration_ms)}</dd>
          </div>
          <div>
            <dt>Attempts</dt>
            <dd>{step.attempts.length || '—'}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{step.started_at ? clockTime(step.started_at) : '—'}</dd>
          </div>
          {step.handle ? (
            <div>
              <dt>Left through</dt>
              <dd>
                <code>{step.handle}</code>
              </dd>
            </div>
          ) : null}
        </dl>
        {step.error ? <StepError error={step.error} /> : null}
        {NOTE[step.status] ? <p className="muted step-note">{NOTE[step.status]}</p> : null}
        {reused ? (
          <div className="alert alert-info" role="note">
            Reused from the run this one retries: its request was not sent again. Below is what it got then.
          </div>
        ) : null}
        {received.length ? (
          <section className="step-section">
            <h3>Received</h3>
            {received.map((r) => (
              <JsonView key={r.edgeId} label={`From ${r.source} (${r.edgeId})`} value={r.values} />
            ))}
          </section>
        ) : null}
        {step.attempts.length ? (
          <section className="step-section">
            <h3>
              {step.attempts.length === 1 ? 'Request and response' : `${step.attempts.length} attempts`}
            </h3>
            {step.attempts.length > 1 ? (
              <div className="segmented attempt-tabs" role="tablist" aria-label="Attempts">
                {step.attempts.map((a, i) => (
                  <button
                    key={a.attempt}
                    type="button"
                    role="tab"
                    aria-selected={shown === i + 1}
                    className={shown === i + 1 ? 'is-on' : ''}
                    onClick={() => setShown(i + 1)}
                  >
                    #{a.attempt}{' '}
                    <span className={(a.response?.status ?? 500) < 400 && !a.error ? 'ok' : 'bad'}>
                      {a.response ? a.response.status : 'error'}
                    </span>
                  </button>
                ))}
              </div>
            ) : null}
            {attempt ? <AttemptView key={attempt.attempt} attempt={attempt} /> : null}
          </section>
        ) : null}
        {Object.keys(step.edge_values ?? {}).length ? (
          <section className="step-section">
            <h3>Carried on</h3>
            {Object.entries(step.edge_values).map(([edgeId, values]) => (
              <JsonView key={edgeId} label={`Edge ${edgeId}`} value={values} />
            ))}
          </section>
        ) : null}
        {step.attempts.length === 0 && step.output !== null && step.output !== undefined ? (
          <section className="step-section">
            <h3>Output</h3>
            <JsonView label="Output" value={step.output} />
          </section>
        ) : null}
      </div>
    </aside>
  );
}
