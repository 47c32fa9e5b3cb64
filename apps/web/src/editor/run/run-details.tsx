import type { StepExecuted } from '../../api/executions.api';
import { StatusBadge } from '../../executions/status-badge';
import { StepError } from '../../executions/step-error';
import { duration } from '../../ui/format';
import { JsonView } from './json-view';

/** What a node did in the last run: status, timing, every attempt's request and response, and its error. */
export function RunDetails({ step }: { step: StepExecuted }) {
  return (
    <div className="run-details">
      <header className="run-head">
        <StatusBadge status={step.status} />
        <span className="faint">
          {duration(step.duration_ms)}
          {step.handle ? ` · left through ${step.handle}` : ''}
          {step.attempts.length > 1 ? ` · ${step.attempts.length} attempts` : ''}
        </span>
      </header>
      {step.error ? <StepError error={step.error} /> : null}
      {step.status === 'skipped' ? (
        <p className="muted">
          Skipped: an edge into it was not active (a branch not taken, or a failure upstream).
        </p>
      ) : null}
      {step.attempts.map((attempt) => (
        <section key={attempt.attempt} className="attempt">
          <h3>
            Attempt {attempt.attempt}
            <span className="faint">
              {' '}
              · {duration(attempt.duration_ms)}
              {attempt.retry_delay_ms ? ` · retried after ${duration(attempt.retry_delay_ms)}` : ''}
            </span>
          </h3>
          <div className="attempt-line">
            <span className={`method method-${attempt.request.method.toLowerCase()}`}>
              {attempt.request.method}
            </span>
            <code className="attempt-url">{attempt.request.url}</code>
          </div>
          <JsonView label="Request headers" value={attempt.request.headers} defaultOpen={false} />
          {attempt.request.body ? <JsonView label="Request body" value={attempt.request.body} /> : null}
          {attempt.response ? (
            <>
              <p className="attempt-status">
                Response{' '}
                <span className={`badge ${attempt.response.status < 400 ? 'badge-success' : 'badge-danger'}`}>
                  HTTP {attempt.response.status}
                </span>
              </p>
              <JsonView label="Response headers" value={attempt.response.headers} defaultOpen={false} />
              <JsonView label="Response body" value={attempt.response.body} />
            </>
          ) : null}
          {attempt.error ? <p className="field-error">{attempt.error}</p> : null}
        </section>
      ))}
      {Object.keys(step.edge_values ?? {}).length ? (
        <JsonView label="Values carried on its edges" value={step.edge_values} />
      ) : null}
      {step.output !== undefined && step.output !== null && step.attempts.length === 0 ? (
        <JsonView label="Output" value={step.output} />
      ) : null}
    </div>
  );
}
