import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Execution, executionsApi } from '../api/executions.api';
import { errorMessage } from '../ui/format';
import { IconPlay, IconUndo } from '../ui/icons';
import { useToast } from '../ui/toast';
import { isLive } from './run-model';

const RETRYABLE = new Set(['failed', 'partial', 'timeout', 'cancelled']);

/**
 * What a user does with a run: run it again with the same inputs, retry from the failed step (reusing
 * the steps that succeeded and are unchanged), open the failed node in the editor, cancel a live run.
 */
export function RunActions({ execution, failedStep }: { execution: Execution; failedStep: string | null }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [busy, setBusy] = useState<'again' | 'failed' | 'cancel' | null>(null);
  const live = isLive(execution);
  const reusable = execution.connector_changes?.reusable_steps ?? [];

  const retry = async (fromFailed: boolean) => {
    setBusy(fromFailed ? 'failed' : 'again');
    try {
      const accepted = await executionsApi.retry(execution.id, fromFailed);
      toast.show(
        fromFailed && accepted.reused_steps.length
          ? `Retrying: reusing ${accepted.reused_steps.join(', ')}`
          : 'Running again',
        'success',
      );
      navigate(`/executions/${accepted.executionId}`);
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    } finally {
      setBusy(null);
    }
  };
  const cancel = async () => {
    setBusy('cancel');
    try {
      await executionsApi.cancel(execution.id);
      toast.show('Run cancelled', 'success');
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    } finally {
      setBusy(null);
    }
  };

  const editorUrl = `/connectors/${execution.connector_id}${failedStep ? `?node=${encodeURIComponent(failedStep)}` : ''}`;
  return (
    <div className="run-actions">
      {execution.retry_of ? (
        <Link
          className="btn btn-ghost btn-sm"
          to={`/executions/compare?a=${execution.retry_of}&b=${execution.id}`}
        >
          Compare with previous
        </Link>
      ) : null}
      <Link className="btn btn-sm" to={editorUrl}>
        Open in editor
      </Link>
      {live ? (
        <button
          type="button"
          className="btn btn-sm btn-danger"
          disabled={busy !== null}
          onClick={() => void cancel()}
        >
          {busy === 'cancel' ? <span className="spinner" /> : null} Cancel run
        </button>
      ) : (
        <>
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy !== null}
            onClick={() => void retry(false)}
          >
            {busy === 'again' ? <span className="spinner" /> : <IconPlay size={14} />} Run again
          </button>
          {RETRYABLE.has(execution.status) ? (
            <button
              type="button"
              className="btn btn-sm btn-primary"
              disabled={busy !== null}
              title={
                reusable.length
                  ? `Reuses ${reusable.join(', ')}; runs the rest`
                  : 'No step can be reused: every step runs again'
              }
              onClick={() => void retry(true)}
            >
              {busy === 'failed' ? <span className="spinner" /> : <IconUndo size={14} />} Retry from failed
              step
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
