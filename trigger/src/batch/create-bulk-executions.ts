import { type Contact, createExecution, type Executor, getConnector, getContact } from '@connectors/db';
import { parseGraph, validateGraph } from '@connectors/engine';
import { resolveRunInputs } from '@connectors/runner';
import { abortRun } from '../connector/task-errors';
import { contactFields } from '../flow/contact-scope';
import type { ExecuteConnectorBatchPayload } from '../payloads/execute-connector-batch.payload';

/** A contact the bulk run left out, and why. */
export interface SkippedContact {
  contactId: string;
  reason: string;
}

/** The executions a bulk run created (or found, on a retried attempt). */
export interface BulkExecutions {
  executions: {
    id: string;
    workspace_id: string;
    connector_id: string;
    contact_id: string | null;
    flow_run_id: string | null;
  }[];
  skipped: SkippedContact[];
}

/**
 * Creates one pending live execution of the connector per contact, with the checks the API's execute
 * makes (connector exists and is enabled, graph runnable: otherwise `AbortTaskRunError`; per contact:
 * exists, inputs match `input_schema` — otherwise the contact is skipped). Each execution's idempotency
 * key is `bulk:<batchKey>:<contactId>`, so a retried attempt finds the executions it already created.
 */
export async function createBulkExecutions(
  db: Executor,
  payload: ExecuteConnectorBatchPayload,
  batchKey: string,
): Promise<BulkExecutions> {
  const { workspaceId, connectorId } = payload;
  const connector = await getConnector(db, workspaceId, connectorId);
  if (!connector) throw abortRun(`Connector ${connectorId} not found`);
  if (!connector.enabled) throw abortRun(`The connector "${connector.name}" is disabled`);
  const parsed = parseGraph(connector.config);
  const checked = parsed.graph ? validateGraph(parsed.graph) : undefined;
  if (!checked?.ok) {
    const problem = parsed.problems[0] ?? checked?.problems.find((p) => p.severity === 'error');
    throw abortRun(`The connector "${connector.name}" cannot run: ${problem?.message ?? 'invalid graph'}`);
  }
  const result: BulkExecutions = { executions: [], skipped: [] };
  for (const contactId of new Set(payload.contactIds)) {
    const contact: Contact | undefined = await getContact(db, workspaceId, contactId);
    if (!contact) {
      result.skipped.push({ contactId, reason: 'Contact not found' });
      continue;
    }
    const inputs = resolveRunInputs(connector.input_schema, payload.inputs, contactFields(contact));
    if (!inputs.ok) {
      const first = inputs.problems[0];
      result.skipped.push({
        contactId,
        reason: `${first?.path ?? 'inputs'}: ${first?.message ?? 'invalid'}`,
      });
      continue;
    }
    const { execution } = await createExecution(db, {
      workspace_id: workspaceId,
      connector_id: connector.id,
      connector_version: connector.version,
      graph_snapshot: connector.config,
      contact_id: contact.id,
      input_data: inputs.inputs,
      mode: 'live',
      idempotency_key: `bulk:${batchKey}:${contact.id}`,
    });
    result.executions.push(execution);
  }
  return result;
}
