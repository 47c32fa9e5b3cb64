import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { keysetPage } from '../pagination/keyset-query';
import { isUuid } from '../sql/is-uuid';
import { leaseUntil } from '../sql/lease';
import { QueryTemplates } from '../sql/query-template';
import type { ExecutionMode, RunStatus } from '../tables/column-types';
import type { ConnectorExecution } from '../tables/connector-execution.table';

/** A new execution (always created `pending`). */
export interface CreateExecutionInput {
  workspace_id: string;
  connector_id: string;
  connector_version: number;
  graph_snapshot: unknown;
  contact_id?: string | null;
  flow_run_id?: string | null;
  mode?: ExecutionMode;
  input_data?: Record<string, unknown>;
  retry_of?: string | null;
  /** The request's `Idempotency-Key`: a second create with the same key returns the first execution. */
  idempotency_key?: string | null;
}

/** Proof of a lease: the worker and the attempt number its claim returned. */
export interface LeaseToken {
  executionId: string;
  workerId: string;
  attempt: number;
}

/** Statuses a run can end in. */
export type FinalRunStatus = Exclude<RunStatus, 'pending' | 'running'>;

/** Filters for `listExecutions`. */
export interface ListExecutionsOptions extends PageOptions {
  status?: RunStatus | RunStatus[];
  connectorId?: string;
  contactId?: string;
  flowRunId?: string;
  mode?: ExecutionMode;
}

type ExecutionEb = ExpressionBuilder<Database, 'connector_executions'>;

/** Statements built once per shape (`QueryTemplates`): every execute request sends one. */
const templates = new QueryTemplates();

/**
 * Creates a pending execution. With an `idempotency_key` already used in the workspace, nothing is
 * inserted and the existing execution is returned with `created: false` (whatever its other fields).
 */
export async function createExecution(
  db: Executor,
  input: CreateExecutionInput,
): Promise<{ execution: ConnectorExecution; created: boolean }> {
  // Every execute request sends it: built once (`QueryTemplates`), not by Kysely on every call.
  const { rows } = await templates.executeNamed(
    db,
    'create-execution',
    {
      workspace: input.workspace_id,
      connector: input.connector_id,
      version: input.connector_version,
      graph: JSON.stringify(input.graph_snapshot),
      contact: input.contact_id ?? null,
      flowRun: input.flow_run_id ?? null,
      mode: input.mode ?? 'live',
      inputs: JSON.stringify(input.input_data ?? {}),
      retryOf: input.retry_of ?? null,
      key: input.idempotency_key ?? null,
    },
    (p) =>
      db
        .insertInto('connector_executions')
        .values({
          workspace_id: p.workspace,
          connector_id: p.connector,
          connector_version: p.version,
          graph_snapshot: sql`cast(${p.graph} as jsonb)`,
          contact_id: p.contact,
          flow_run_id: p.flowRun,
          mode: p.mode,
          input_data: sql`cast(${p.inputs} as jsonb)`,
          retry_of: p.retryOf,
          idempotency_key: p.key,
        })
        .onConflict((oc) => oc.constraint('connector_executions_idempotency_key_unique').doNothing())
        .returningAll(),
  );
  const inserted = rows[0];
  if (inserted) return { execution: inserted, created: true };
  // Only a key conflict skips the insert; ON CONFLICT waited for the other insert to commit.
  const existing = await db
    .selectFrom('connector_executions')
    .selectAll()
    .where('workspace_id', '=', input.workspace_id)
    .where('idempotency_key', '=', input.idempotency_key ?? '')
    .executeTakeFirstOrThrow();
  return { execution: existing, created: false };
}

/** An execution of the workspace; undefined for another workspace's id. */
export async function getExecution(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<ConnectorExecution | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('connector_executions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * An execution by id alone, for the runner (a Trigger.dev task receives only the id). Not scoped: never
 * call it with an id from a request.
 */
export async function getExecutionForWorker(
  db: Executor,
  id: string,
): Promise<ConnectorExecution | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('connector_executions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The workspace's executions, newest first, filtered, a page at a time. */
export async function listExecutions(
  db: Executor,
  workspaceId: string,
  options: ListExecutionsOptions = {},
): Promise<Page<ConnectorExecution>> {
  const limit = pageSize(options.limit);
  let query = db.selectFrom('connector_executions').selectAll().where('workspace_id', '=', workspaceId);
  for (const [column, value] of [
    ['connector_id', options.connectorId],
    ['contact_id', options.contactId],
    ['flow_run_id', options.flowRunId],
  ] as const) {
    if (value === undefined) continue;
    if (!isUuid(value)) return { data: [], nextCursor: null };
    query = query.where(column, '=', value);
  }
  if (options.mode !== undefined) query = query.where('mode', '=', options.mode);
  if (options.status !== undefined) {
    const statuses = Array.isArray(options.status) ? options.status : [options.status];
    if (statuses.length === 0) return { data: [], nextCursor: null };
    query = query.where('status', 'in', statuses);
  }
  const rows = await keysetPage(query, options.cursor, limit).execute();
  return toPage(rows, limit);
}

/**
 * The lease in a statement's named values (`QueryTemplates.executeNamed`): its `executionId`,
 * `workerId` and `attempt`.
 */
export function leaseOf(values: Record<string, unknown>): LeaseToken {
  return {
    executionId: values.executionId as string,
    workerId: values.workerId as string,
    attempt: values.attempt as number,
  };
}

/** The row of a run this lease still holds: running, by this worker, in this attempt. */
export function heldBy(eb: ExecutionEb, lease: LeaseToken) {
  return eb.and([
    eb('id', '=', lease.executionId),
    eb('status', '=', 'running'),
    eb('leased_by', '=', lease.workerId),
    eb('attempt', '=', lease.attempt),
  ]);
}

/**
 * Extends a lease by `leaseMs` from now. False when the caller no longer holds it (another worker
 * reclaimed it, or it was cancelled): the caller must stop working on the run.
 */
export async function renewExecutionLease(
  db: Executor,
  lease: LeaseToken & { leaseMs: number },
): Promise<boolean> {
  if (!isUuid(lease.executionId)) return false;
  const result = await db
    .updateTable('connector_executions')
    .set({ lease_expires_at: leaseUntil(lease.leaseMs), updated_at: sql<Date>`now()` })
    .where((eb) => heldBy(eb, lease))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records the node being run (for display); false when the caller no longer holds the lease. */
export async function setExecutionCurrentStep(
  db: Executor,
  lease: LeaseToken & { currentStep: string | null },
): Promise<boolean> {
  if (!isUuid(lease.executionId)) return false;
  const result = await db
    .updateTable('connector_executions')
    .set({ current_step: lease.currentStep, updated_at: sql<Date>`now()` })
    .where((eb) => heldBy(eb, lease))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Cancels a pending or running execution of the workspace (a running worker then finds its lease gone
 * at its next renewal or finish). A finished execution is left as it is.
 *
 * @returns the execution as it now is (check `status === 'cancelled'`), or undefined if there is none.
 */
export async function cancelExecution(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<ConnectorExecution | undefined> {
  if (!isUuid(id)) return undefined;
  const cancelled = await db
    .updateTable('connector_executions')
    .set({
      status: 'cancelled',
      completed_at: sql<Date>`now()`,
      lease_expires_at: null,
      current_step: null,
      updated_at: sql<Date>`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'running'])
    .returningAll()
    .executeTakeFirst();
  return cancelled ?? getExecution(db, workspaceId, id);
}

/** Stores the Trigger.dev run id of an execution of the workspace. */
export async function setExecutionTriggerRunId(
  db: Executor,
  workspaceId: string,
  id: string,
  triggerRunId: string,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const result = await db
    .updateTable('connector_executions')
    .set({ trigger_run_id: triggerRunId, updated_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Retention: deletes finished executions (and their node results) created before `cutoff`, in every
 * workspace. Returns how many.
 */
export async function deleteExecutionsCreatedBefore(db: Executor, cutoff: Date): Promise<number> {
  const result = await db
    .deleteFrom('connector_executions')
    .where('created_at', '<', cutoff)
    .where('status', 'not in', ['pending', 'running'])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
