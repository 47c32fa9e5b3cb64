import { type ConnectorExecution, claimExecution, type Executor, finishExecution } from '@connectors/db';
import type { RunEventSink } from '@connectors/runner';

/**
 * Ends an execution that cannot start as `failed` with `message`, so the run shows why instead of
 * staying `pending`: claims it (as the runner would) and finishes it, counting a failed live run on
 * the connector in the same statement. Nothing is written when another worker holds it.
 *
 * @returns false when the execution was not claimable (finished, cancelled or held elsewhere).
 */
export async function failBeforeStart(
  db: Executor,
  execution: ConnectorExecution,
  options: { workerId: string; leaseMs: number; message: string; events?: RunEventSink | undefined },
): Promise<boolean> {
  const claimed = await claimExecution(db, {
    executionId: execution.id,
    workerId: options.workerId,
    leaseMs: options.leaseMs,
  });
  if (!claimed) return false;
  const finished = await finishExecution(db, {
    executionId: execution.id,
    workerId: options.workerId,
    attempt: claimed.attempt,
    status: 'failed',
    error_message: options.message,
    ...(execution.mode === 'live' ? { count_as: 'failed' as const } : {}),
  });
  if (finished) {
    options.events?.publish({ type: 'run.finished', executionId: execution.id, status: 'failed' });
  }
  return finished;
}
