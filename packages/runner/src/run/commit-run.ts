import {
  type ConnectorExecution,
  type Contact,
  type Executor,
  type FinalRunStatus,
  type FinishExecutionInput,
  finishExecution,
  finishExecutionWithContact,
  type LeaseToken,
  type NodeResultInput,
  type RunOutcome,
  withTransaction,
} from '@connectors/db';
import type { OutputFields } from '@connectors/engine/runtime';
import { contactChanges, planContactUpdate } from './contact-update-plan';
import { applyOutputToContact } from './contact-writer';

/** The end of a run, as the runner commits it. */
export interface RunEnd {
  status: FinalRunStatus;
  outputData: Record<string, unknown> | null;
  outputFields: OutputFields | null;
  errorMessage: string | null;
}

/** The contact as the run read it at its start, and the version of the row it read. */
export interface ContactRead {
  contact: Contact;
  version: string;
}

class LeaseGone extends Error {}

function statsOutcome(status: FinalRunStatus): RunOutcome {
  if (status === 'success') return 'success';
  if (status === 'failed' || status === 'timeout') return 'failed';
  return 'other';
}

/**
 * Ends a run in as few statements as it can, never holding a transaction across a network call: the
 * execution's final status, output and error — fenced by the lease, so a worker that lost it writes
 * nothing — with, in the same statement, the node results the recorder held back and, for live runs
 * only, the connector's counters. A live run that
 * succeeded (or was partial) and has output fields for its contact also writes them onto the contact;
 * then everything goes in ONE transaction, the contact first and the fenced finish last, so the
 * connector's row (which every run of the connector updates) is locked only until the commit. Test
 * runs write no contact and do not count.
 *
 * @returns false when the lease was no longer held: nothing was written (everything rolled back).
 */
export async function commitRun(
  db: Executor,
  execution: ConnectorExecution,
  lease: LeaseToken,
  end: RunEnd,
  /** Node results held back by the recorder for this statement (see `createRunRecorder`). */
  results: NodeResultInput[] = [],
  /** The contact the run read at its start, if any. */
  read?: ContactRead,
): Promise<boolean> {
  const live = execution.mode === 'live';
  const input: FinishExecutionInput = {
    ...lease,
    status: end.status,
    output_data: end.outputData,
    error_message: end.errorMessage,
    ...(live ? { count_as: statsOutcome(end.status) } : {}),
    ...(results.length > 0 ? { results } : {}),
  };
  const finish = (executor: Executor) => finishExecution(executor, input);
  const writes = end.status === 'success' || end.status === 'partial';
  const contactId = execution.contact_id;
  if (!live || !writes || !end.outputFields || !contactId) return finish(db);
  const fields = end.outputFields;
  const source = {
    executionId: execution.id,
    connectorId: execution.connector_id,
    flowRunId: execution.flow_run_id,
  };
  if (read && read.contact.id === contactId) {
    const plan = planContactUpdate(read.contact, fields);
    const changes = contactChanges(read.contact, plan);
    const outcome = await finishExecutionWithContact(db, input, {
      workspaceId: execution.workspace_id,
      contactId,
      version: read.version,
      // Values written unchanged are not written at all: the contact is then only checked.
      columns: changes.length > 0 ? plan.columns : {},
      metadata: changes.length > 0 ? plan.metadata : undefined,
      changes,
      source,
    });
    if (outcome !== 'contact_changed') return outcome === 'finished';
  }
  try {
    await withTransaction(db, async (trx) => {
      await applyOutputToContact(trx, execution.workspace_id, contactId, fields, source);
      if (!(await finish(trx))) throw new LeaseGone();
    });
    return true;
  } catch (error) {
    if (error instanceof LeaseGone) return false;
    throw error;
  }
}
