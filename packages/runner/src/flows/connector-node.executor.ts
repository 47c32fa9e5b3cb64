import {
  type Contact,
  createExecution,
  type Executor,
  getConnector,
  getExecution,
  type RunStatus,
} from '@connectors/db';
import { type ConnectorNode, parseGraph, renderTemplate, validateGraph } from '@connectors/engine';
import type { NodeExecutionContext, NodeExecutor, NodeOutcome } from '@connectors/engine/runtime';
import { resolveRunInputs } from '../inputs/resolve-run-inputs';
import { contactFields } from './contact-scope';
import type { RunChildExecution } from './flow-deps';

const UNFINISHED = new Set<RunStatus>(['pending', 'running']);

function failed(message: string, code = 'connector_failed', output?: unknown): NodeOutcome {
  return { status: 'failed', mappingInput: null, error: { code, message }, ...(output ? { output } : {}) };
}

/**
 * The executor of a flow's `connector` node (DESIGN §3b): renders the node's inputs over the scope,
 * creates the child execution (live, `flow_run_id` set, the connector's current graph snapshotted) and
 * has `runChild` run it; the node succeeds or fails with the child, and `$` on its outgoing edges is the
 * child's `output_data`.
 *
 * The child is created with the idempotency key `flow-run:<flowRunId>:<nodeId>`, so a retried flow
 * attempt finds the same child instead of starting a second one, and reads its result if it ended.
 */
export function createConnectorNodeExecutor(options: {
  db: Executor;
  workspaceId: string;
  flowRunId: string;
  contact: Contact | undefined;
  runChild: RunChildExecution;
}): NodeExecutor {
  const { db, workspaceId, flowRunId, contact } = options;
  return async (ctx: NodeExecutionContext) => {
    const node = ctx.node as ConnectorNode;
    const connector = await getConnector(db, workspaceId, node.data.connectorId);
    if (!connector) return failed(`Connector ${node.data.connectorId || '(none)'} not found`, 'not_found');
    if (!connector.enabled) return failed(`The connector "${connector.name}" is disabled`, 'disabled');
    const parsed = parseGraph(connector.config);
    const checked = parsed.graph ? validateGraph(parsed.graph) : undefined;
    if (!parsed.graph || !checked?.ok) {
      const problem = parsed.problems[0] ?? checked?.problems.find((p) => p.severity === 'error');
      return failed(`The connector "${connector.name}" cannot run: ${problem?.message ?? 'invalid graph'}`);
    }
    const inputs: Record<string, unknown> = {};
    try {
      for (const [name, template] of Object.entries(node.data.inputs)) {
        inputs[name] = await renderTemplate(template, ctx.scope, {
          mode: 'typed',
          path: `data.inputs.${name}`,
        });
      }
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error), 'template');
    }
    const resolved = resolveRunInputs(connector.input_schema, inputs, contact && contactFields(contact));
    if (!resolved.ok) {
      const first = resolved.problems[0];
      return failed(`${first?.path ?? 'inputs'}: ${first?.message ?? 'invalid'}`, 'invalid_input');
    }
    const { execution } = await createExecution(db, {
      workspace_id: workspaceId,
      connector_id: connector.id,
      connector_version: connector.version,
      graph_snapshot: connector.config,
      contact_id: contact?.id ?? null,
      flow_run_id: flowRunId,
      input_data: resolved.inputs,
      mode: 'live',
      idempotency_key: `flow-run:${flowRunId}:${node.id}`,
    });
    if (UNFINISHED.has(execution.status)) await options.runChild(execution);
    const child = await getExecution(db, workspaceId, execution.id);
    const output = { executionId: execution.id, status: child?.status ?? 'failed' };
    if (!child || UNFINISHED.has(child.status)) {
      return failed(
        `The run of "${connector.name}" did not finish (execution ${execution.id})`,
        'connector_failed',
        output,
      );
    }
    if (child.status === 'success' || child.status === 'partial') {
      return { status: 'success', output, mappingInput: child.output_data ?? {} };
    }
    const reason = child.error_message ? `: ${child.error_message}` : '';
    return failed(
      `The run of "${connector.name}" ended ${child.status}${reason}`,
      'connector_failed',
      output,
    );
  };
}
