import { type Connector, type Contact, type Executor, getConnectorWithContact } from '@connectors/db';
import type { Graph } from '@connectors/engine';
import { resolveRunInputs } from '@connectors/runner';
import { ApiError, notFound } from '../errors/api-error';
import { connectorProblems, problemView } from '../lib/connector-view';

/** A connector ready to run: its graph checked, its contact found, its inputs resolved. */
export interface PreparedRun {
  connector: Connector;
  graph: Graph;
  contact: Contact | undefined;
  inputs: Record<string, unknown>;
}

/** 422 for a graph that cannot run, listing its problems as connector responses do. */
export function graphCannotRun(problems: ReturnType<typeof connectorProblems>['problems']): ApiError {
  const errors = problems.filter((p) => p.severity === 'error');
  return new ApiError(
    422,
    'graph_invalid',
    `The connector's graph has ${errors.length} problem${errors.length === 1 ? '' : 's'} and cannot run: ${errors[0]?.message ?? 'fix it in the editor'}`,
    problems.map((problem) => problemView(problem)),
  );
}

/** A stored graph that can run, or the 422 that says why not. */
export function runnableGraph(connector: Connector): Graph {
  const checked = connectorProblems(connector);
  if (!checked.ok || !checked.graph) throw graphCannotRun(checked.problems);
  return checked.graph;
}

/** The contact's fields an input of the same name falls back to. */
export function contactFields(contact: Contact): Record<string, unknown> {
  const { email, first_name, last_name, phone, company, title, metadata } = contact;
  return { email, first_name, last_name, phone, company, title, metadata };
}

/**
 * The checks of execute and test, in the order a user fixes them: the connector exists (404), is enabled
 * for a live run (409; testing works on a disabled connector), its graph can run (422), the contact
 * exists in the workspace (404), and the inputs match `input_schema` (400 with `inputs.<field>` paths),
 * a missing input falling back to the contact's field of the same name. The connector and the contact are
 * read in one statement; the checks still answer in that order.
 */
export async function prepareRun(
  db: Executor,
  workspaceId: string,
  connectorId: string,
  request: {
    mode: 'live' | 'test';
    contactId?: string | undefined;
    inputs?: Record<string, unknown> | undefined;
  },
): Promise<PreparedRun> {
  const { connector, contact } = await getConnectorWithContact(
    db,
    workspaceId,
    connectorId,
    request.contactId,
  );
  if (!connector) throw notFound('Connector');
  if (request.mode === 'live' && !connector.enabled) {
    throw new ApiError(
      409,
      'connector_disabled',
      'The connector is disabled: enable it to execute it (a test run works while it is disabled)',
    );
  }
  const graph = runnableGraph(connector);
  if (request.contactId !== undefined && !contact) throw notFound('Contact');
  const resolved = resolveRunInputs(
    connector.input_schema,
    request.inputs,
    contact && contactFields(contact),
  );
  if (!resolved.ok) {
    throw new ApiError(
      400,
      'validation_failed',
      "The inputs do not match the connector's input_schema",
      resolved.problems.map(({ path, message, code }) => ({ path, message, code })),
    );
  }
  return { connector, graph, contact, inputs: resolved.inputs };
}
