import { useShallow } from 'zustand/react/shallow';
import { StatusBadge } from '../../executions/status-badge';
import { duration } from '../../ui/format';
import { IconClose } from '../../ui/icons';
import { useEditorStore } from '../store/editor-store';

/** After a test run: its status, duration, the first failure, and what would be written on the contact. */
export function RunBar({ onFocusNode }: { onFocusNode: (id: string) => void }) {
  const { run, running, setRun } = useEditorStore(
    useShallow((s) => ({ run: s.lastRun, running: s.running, setRun: s.setRun })),
  );
  if (running) {
    return (
      <div className="run-bar" role="status">
        <span className="spinner" /> Running the test…
      </div>
    );
  }
  if (!run) return null;
  const failed = run.steps_executed?.find((s) => s.status === 'failed');
  const output = Object.entries(run.output_data ?? {});
  return (
    <div className="run-bar" role="status" aria-label="Last test run">
      <StatusBadge status={run.status} />
      <span className="faint">{duration(run.execution_time_ms)}</span>
      {failed ? (
        <button
          type="button"
          className="btn btn-sm btn-ghost run-bar-fail"
          onClick={() => onFocusNode(failed.step_id)}
        >
          {failed.step_id} failed: {failed.error?.message ?? 'see its Last run tab'}
        </button>
      ) : run.error_message ? (
        <span className="run-bar-fail">{run.error_message}</span>
      ) : null}
      {output.length ? (
        <span className="run-output" title={JSON.stringify(run.output_data, null, 2)}>
          Would write{' '}
          {output.slice(0, 3).map(([k, v]) => (
            <code key={k}>
              {k} = {JSON.stringify(v)}
            </code>
          ))}
          {output.length > 3 ? ` +${output.length - 3}` : ''}
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon run-bar-close"
        aria-label="Clear the run from the canvas"
        onClick={() => setRun(null)}
      >
        <IconClose />
      </button>
    </div>
  );
}
