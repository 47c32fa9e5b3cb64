import { type QueryCreator, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { QueryTemplates } from '../sql/query-template';
import type { ConnectorExecution } from '../tables/connector-execution.table';
import type { Contact } from '../tables/contact.table';
import type { WorkspaceApiCredential } from '../tables/workspace-api-credential.table';
import { heldBy, type LeaseToken, leaseOf } from './execution.repository';

/*
 * What a run reads when it starts, in one statement: its connector's run settings, its contact, the
 * workspace's credentials, and (under its lease) the step it starts with. The execution record itself
 * is in `execution.repository.ts`.
 */

/** Statements built once per shape (`QueryTemplates`): every run starts with one. */
const templates = new QueryTemplates();

/** What a run needs besides its execution row: its connector's run settings and its contact. */
export interface RunContext {
  connector: { timeout_ms: number; max_retries: number; continue_on_error: boolean };
  contact: Contact | undefined;
  /**
   * The version of the contact read (its row's `xmin`, which every update changes), for a write that
   * must apply only to what was read (`finishExecutionWithContact`). Null without a contact.
   */
  contactVersion: string | null;
  /**
   * With `credentials: true`: the workspace's stored credentials (service, encrypted fields, bound
   * hosts), read by the same statement, and whether that is all of them (`complete`; a workspace with
   * more than `RUN_CREDENTIALS_MAX` returns that many, and the rest are read one by one when used).
   */
  credentials?: { rows: RunCredential[]; complete: boolean };
}

/** A stored credential as a run uses it: still encrypted. */
export type RunCredential = Pick<WorkspaceApiCredential, 'service_name' | 'credentials' | 'allowed_hosts'>;

/** How many of a workspace's credentials `getRunContext` reads with the run's start. */
export const RUN_CREDENTIALS_MAX = 64;

/** The statement of `getRunContext` (without `contactId`, no contact; without `executionId`, no step). */
function runContextStatement(db: Executor, p: Record<string, unknown>, credentials: boolean) {
  // The CTE adds nothing the select reads: seen from the select, it is the plain query creator.
  const from: QueryCreator<Database> =
    'executionId' in p
      ? (db.with('step', (qb) =>
          qb
            .updateTable('connector_executions')
            .set({ current_step: p.currentStep as string | null, updated_at: sql<Date>`now()` })
            .where((eb) => heldBy(eb, leaseOf(p)))
            .returning('id'),
        ) as unknown as QueryCreator<Database>)
      : db;
  return from
    .selectFrom('connectors')
    .leftJoin('contacts', (join) =>
      'contactId' in p
        ? join
            .onRef('contacts.workspace_id', '=', 'connectors.workspace_id')
            .on('contacts.id', '=', p.contactId as string)
        : join.on(sql<boolean>`false`),
    )
    .select([
      'connectors.timeout_ms',
      'connectors.max_retries',
      'connectors.continue_on_error',
      'contacts.id as contact_id',
      'contacts.workspace_id as contact_workspace_id',
      'contacts.email',
      'contacts.first_name',
      'contacts.last_name',
      'contacts.phone',
      'contacts.company',
      'contacts.title',
      'contacts.metadata',
      'contacts.created_at',
      'contacts.updated_at',
      sql<string | null>`contacts.xmin::text`.as('contact_version'),
    ])
    .$if(credentials, (qb) =>
      qb.select(
        sql<RunCredential[] | null>`(select jsonb_agg(jsonb_build_object('service_name', c.service_name,
          'credentials', c.credentials, 'allowed_hosts', to_jsonb(c.allowed_hosts)) order by c.service_name)
          from (select service_name, credentials, allowed_hosts from workspace_api_credentials
            where workspace_id = connectors.workspace_id order by service_name
            limit ${RUN_CREDENTIALS_MAX + 1}) c)`.as('credentials'),
      ),
    )
    .where('connectors.workspace_id', '=', p.workspaceId as string)
    .where('connectors.id', '=', p.connectorId as string);
}

/**
 * The connector settings and the contact of an execution, read in one statement (the runner's start).
 * With `step`, the same statement sets the execution's `current_step` (only while `step` holds the
 * lease): the node the run starts with. Undefined when the connector was deleted. Scoped by the
 * execution's own workspace.
 */
export async function getRunContext(
  db: Executor,
  execution: Pick<ConnectorExecution, 'workspace_id' | 'connector_id' | 'contact_id'>,
  step?: LeaseToken & { currentStep: string | null },
  options: { credentials?: boolean } = {},
): Promise<RunContext | undefined> {
  if (!isUuid(execution.connector_id)) return undefined;
  const contactId =
    execution.contact_id !== null && isUuid(execution.contact_id) ? execution.contact_id : null;
  const withStep = step !== undefined && isUuid(step.executionId);
  const { rows } = await templates.executeNamed(
    db,
    `run-context:${options.credentials === true}`,
    {
      workspaceId: execution.workspace_id,
      connectorId: execution.connector_id,
      ...(contactId === null ? {} : { contactId }),
      ...(withStep
        ? {
            executionId: step.executionId,
            workerId: step.workerId,
            attempt: step.attempt,
            currentStep: step.currentStep,
          }
        : {}),
    },
    (p) => runContextStatement(db, p, options.credentials === true),
  );
  const row = rows[0];
  if (!row) return undefined;
  const contact: Contact | undefined =
    row.contact_id !== null
      ? {
          id: row.contact_id,
          workspace_id: row.contact_workspace_id ?? execution.workspace_id,
          email: row.email,
          first_name: row.first_name,
          last_name: row.last_name,
          phone: row.phone,
          company: row.company,
          title: row.title,
          metadata: row.metadata ?? {},
          created_at: row.created_at ?? new Date(0),
          updated_at: row.updated_at ?? new Date(0),
        }
      : undefined;
  return {
    connector: {
      timeout_ms: row.timeout_ms,
      max_retries: row.max_retries,
      continue_on_error: row.continue_on_error,
    },
    contact,
    contactVersion: contact ? row.contact_version : null,
    ...(options.credentials === true ? { credentials: runCredentials(row.credentials) } : {}),
  };
}

function runCredentials(rows: RunCredential[] | null | undefined): NonNullable<RunContext['credentials']> {
  const all = rows ?? [];
  return { rows: all.slice(0, RUN_CREDENTIALS_MAX), complete: all.length <= RUN_CREDENTIALS_MAX };
}
