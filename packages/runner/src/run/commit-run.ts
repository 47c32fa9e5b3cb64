import {
  type ConnectorExecution,
  type Executor,
  type FinalRunStatus,
  finishExecution,
  incrementConnectorStats,
  type LeaseToken,
  type RunOutcome,
  withTransaction,
} from '@connectors/db';
import type { OutputFields } from '@connectors/engine/runtime';
import { applyOutputToContact } from './contact-writer';

/** The end of a run, as the runner commits it. */
export interface RunEnd {
  status: FinalRunStatus;
  outputData: Record<string, unknown> | null;
  outputFields: OutputFields | null;
  errorMessage: string | null;
}

class LeaseGone extends Error {}

function statsOutcome(status: FinalRunStatus): RunOutcome {
  if (status === 'success') return 'success';
  if (status === 'failed' || status === 'timeout') return 'failed';
  return 'other';
}

/**
 * Ends a run in ONE short transaction (no network call inside): the execution's final status, output
 * and error — fenced by the lease, so a worker that lost it writes nothing — then, for live runs only,
 * the output fields onto the contact (when the run succeeded or was partial) and the connector's
 * counters. Test runs write no contact and do not count.
 *
 * @returns false when the lease was no longer held: everything was rolled back.
 */
export async function commitRun(
  db: Executor,
  execution: ConnectorExecution,
  lease: LeaseToken,
  end: RunEnd,
): Promise<boolean> {
  try {
    await withTransaction(db, async (trx) => {
      const finished = await finishExecution(trx, {
        ...lease,
        status: end.status,
        output_data: end.outputData,
        error_message: end.errorMessage,
      });
      if (!finished) throw new LeaseGone();
      if (execution.mode !== 'live') return;
      const writes = end.status === 'success' || end.status === 'partial';
      if (writes && end.outputFields && execution.contact_id) {
        await applyOutputToContact(trx, execution.workspace_id, execution.contact_id, end.outputFields);
      }
      await incrementConnectorStats(
        trx,
        execution.workspace_id,
        execution.connector_id,
        statsOutcome(end.status),
      );
    });
    return true;
  } catch (error) {
    if (error instanceof LeaseGone) return false;
    throw error;
  }
}
