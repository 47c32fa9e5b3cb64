import { useEffect, useState } from 'react';
import { type Execution, executionsApi } from '../api/executions.api';
import { duration, errorMessage } from '../ui/format';
import { StatusBadge } from './status-badge';

/** The steps of one run, in the order they finished, with the output it produced. */
export function ExecutionSteps({ executionId }: { executionId: string }) {
  const [execution, setExecution] = useState<Execution | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    executionsApi
      .get(executionId)
      .then(setExecution)
      .catch((err) => setError(errorMessage(err)));
  }, [executionId]);
  if (error) return <div className="alert alert-danger">{error}</div>;
  if (!execution) return <span className="spinner" role="status" aria-label="Loading steps" />;
  return (
    <div className="execution-detail">
      <ol className="step-list">
        {(execution.steps_executed ?? []).map((step) => (
          <li key={step.step_id}>
            <StatusBadge status={step.status} />
            <span className="step-name">{step.step_name || step.step_id}</span>
            <code className="faint">{step.step_id}</code>
            <span className="faint">{duration(step.duration_ms)}</span>
            {step.attempts.length > 1 ? <span className="badge">{step.attempts.length} attempts</span> : null}
            {step.error ? <span className="step-error">{step.error.message}</span> : null}
          </li>
        ))}
      </ol>
      {execution.output_data && Object.keys(execution.output_data).length ? (
        <div>
          <h3>Output</h3>
          <pre className="code-block">{JSON.stringify(execution.output_data, null, 2)}</pre>
        </div>
      ) : null}
    </div>
  );
}
