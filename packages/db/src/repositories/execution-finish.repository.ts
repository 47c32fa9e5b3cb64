import { type QueryCreator, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { jsonText } from '../sql/jsonb';
import { QueryTemplates } from '../sql/query-template';
import type { FieldChange } from '../tables/contact-change.table';
import type { RunOutcome } from './connector.repository';
import type { ContactWriteSource } from './contact-change.repository';
import { type FinalRunStatus, heldBy, type LeaseToken, leaseOf } from './execution.repository';
import {
  NODE_RESULT_COLUMNS,
  type NodeResultInput,
  nodeResultParams,
  nodeResultSelections,
} from './node-result.repository';

/** The end of a run, written only by the lease holder. */
export interface FinishExecutionInput extends LeaseToken {
  status: FinalRunStatus;
  output_data?: Record<string, unknown> | null;
  error_message?: string | null;
  error_stack?: string | null;
  /** Default: now − started_at. */
  execution_time_ms?: number;
  /** Optional copy of the presented node results (execution_node_results stays the truth). */
  steps_executed?: unknown[];
  /**
   * Counts the run on its connector in the same statement (`incrementConnectorStats`), only if the
   * finish matched: a live run's end is then one round trip instead of two.
   */
  count_as?: RunOutcome;
  /**
   * Node results recorded by the same statement, only if the finish matched (first result per node
   * wins, as in `recordNodeResult`): results nothing waits for, such as the output node's.
   */
  results?: NodeResultInput[];
}

/**
 * A run's write to its contact, computed from the contact as the run read it. `version` is what
 * `getRunContext` returned with that contact: the write applies only while the row is still that version.
 */
export interface ContactWriteInput {
  workspaceId: string;
  contactId: string;
  version: string;
  /** Contact columns to set (text). */
  columns: Record<string, string>;
  /** The whole new `metadata`, when it changed. */
  metadata?: Record<string, unknown> | undefined;
  /** The fields that change, old → new, for the contact's history (empty: the contact is only checked). */
  changes: FieldChange[];
  source: ContactWriteSource;
}

/** How `finishExecutionWithContact` ended. */
export type FinishWithContactOutcome =
  /** The contact and the finish were written together. */
  | 'finished'
  /** The contact changed (or went) since the run read it: nothing was written; read it again. */
  | 'contact_changed'
  /** The lease was no longer held: nothing was written. */
  | 'lease_lost';

/**
 * A finish's lease and values as statement parameters, by name; `timeMs` and `steps` only when given
 * (their absence is a different statement).
 */
function finishParams(input: FinishExecutionInput): Record<string, unknown> {
  return {
    executionId: input.executionId,
    workerId: input.workerId,
    attempt: input.attempt,
    status: input.status,
    output: jsonText(input.output_data),
    errorMessage: input.error_message ?? null,
    errorStack: input.error_stack ?? null,
    ...(input.execution_time_ms === undefined ? {} : { timeMs: input.execution_time_ms }),
    ...(input.steps_executed === undefined ? {} : { steps: JSON.stringify(input.steps_executed) }),
  };
}

/** The columns a finish sets (from `finishParams`): the end, its output and error, its lease let go. */
function finishValues(p: Record<string, unknown>) {
  return {
    status: p.status as FinalRunStatus,
    output_data: sql<Record<string, unknown> | null>`cast(${p.output} as jsonb)`,
    error_message: p.errorMessage as string | null,
    error_stack: p.errorStack as string | null,
    execution_time_ms:
      'timeMs' in p
        ? (p.timeMs as number)
        : sql<number>`cast(round(extract(epoch from (now() - coalesce(started_at, now()))) * 1000) as integer)`,
    ...('steps' in p ? { steps_executed: sql<unknown[]>`cast(${p.steps} as jsonb)` } : {}),
    completed_at: sql<Date>`now()`,
    lease_expires_at: null,
    current_step: null,
    updated_at: sql<Date>`now()`,
  };
}

/** Held-back node results as parameters: `r<i>_<k>` is value k of result i (`nodeResultParams`). */
function resultParams(results: NodeResultInput[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  results.forEach((result, i) => {
    nodeResultParams(result).forEach((value, k) => {
      out[`r${i}_${k}`] = value;
    });
  });
  return out;
}

/** The results of `resultParams`, each as its `nodeResultParams`. */
function resultsOf(p: Record<string, unknown>, count: number): unknown[][] {
  return Array.from({ length: count }, (_, i) => NODE_RESULT_COLUMNS.map((_, k) => p[`r${i}_${k}`]));
}

const templates = new QueryTemplates();

/**
 * Ends a run — status, output, error, completion time — only if the caller still holds the lease
 * (same worker and attempt, still `running`). A worker whose lease expired and was reclaimed, or whose
 * run was cancelled, gets `false` and its late result is discarded. With `count_as`, the connector's
 * counters move in the same statement (a data-modifying CTE that only runs on the finished row). Run
 * it in the transaction that also writes the contact, and roll back on `false`; run it last there, so
 * the connector's row — shared by every run of the connector — stays locked for the shortest time.
 * (`finishExecutionWithContact` does both in one statement while the contact has not changed.)
 */
export async function finishExecution(db: Executor, input: FinishExecutionInput): Promise<boolean> {
  if (!isUuid(input.executionId)) return false;
  const values = finishValues(finishParams(input));
  const outcome = input.count_as;
  const results = input.results ?? [];
  if (outcome === undefined && results.length === 0) {
    const result = await db
      .updateTable('connector_executions')
      .set(values)
      .where((eb) => heldBy(eb, input))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
  const finished = await withCompanions(
    db.with('finished', (qb) =>
      qb
        .updateTable('connector_executions')
        .set(values)
        .where((eb) => heldBy(eb, input))
        .returning(['id', 'workspace_id', 'connector_id']),
    ),
    outcome,
    results.map(nodeResultParams),
  )
    .selectFrom('finished')
    .select('finished.id')
    .executeTakeFirst();
  return finished !== undefined;
}

/** A query creator after a `finished` CTE: the row the finish updated. */
type FinishedCreator = QueryCreator<
  Database & { finished: { id: string; workspace_id: string; connector_id: string } }
>;

/**
 * Adds the counters (for `outcome`) and the held-back node results (each as its `nodeResultParams`) to
 * a query that has a `finished` CTE.
 */
function withCompanions(
  query: FinishedCreator,
  outcome: RunOutcome | undefined,
  results: readonly (readonly unknown[])[],
): FinishedCreator {
  let out = query;
  if (outcome !== undefined) {
    out = out.with('counted', (qb) =>
      qb
        .updateTable('connectors')
        .from('finished')
        .set((eb) => ({
          total_executions: eb('total_executions', '+', 1),
          successful_executions: eb('successful_executions', '+', outcome === 'success' ? 1 : 0),
          failed_executions: eb('failed_executions', '+', outcome === 'failed' ? 1 : 0),
          last_executed_at: sql<Date>`now()`,
        }))
        .whereRef('connectors.id', '=', 'finished.connector_id')
        .whereRef('connectors.workspace_id', '=', 'finished.workspace_id')
        .returning('connectors.id'),
    ) as unknown as FinishedCreator;
  }
  const [first, ...rest] = results;
  if (first) {
    out = out.with('recorded', (qb) =>
      qb
        .insertInto('execution_node_results')
        .columns(['execution_id', 'workspace_id', ...NODE_RESULT_COLUMNS])
        .expression((eb) => {
          const row = (r: readonly unknown[]) =>
            eb
              .selectFrom('finished')
              .select(['finished.id', 'finished.workspace_id', ...nodeResultSelections(r)]);
          // In the order given: `seq` keeps the order the nodes finished in.
          return rest.reduce((all, r) => all.unionAll(row(r)), row(first));
        })
        .onConflict((oc) => oc.columns(['execution_id', 'node_id']).doNothing())
        .returning('execution_node_results.node_id'),
    ) as unknown as FinishedCreator;
  }
  return out;
}

/** The statement of `finishExecutionWithContact`, from its parameters (see there). */
function finishWithContactStatement(
  db: Executor,
  p: Record<string, unknown>,
  outcome: RunOutcome | undefined,
  resultCount: number,
) {
  const lease = leaseOf(p);
  const columns = Object.fromEntries(
    Object.keys(p)
      .filter((key) => key.startsWith('set_'))
      .map((key) => [key.slice('set_'.length), p[key] as string]),
  );
  const hasUpdate = Object.keys(columns).length > 0 || 'metadata' in p;
  const leased = db.with('lease', (qb) =>
    qb
      .selectFrom('connector_executions')
      .select('id')
      .where((eb) => heldBy(eb, lease))
      .forUpdate(),
  );
  // The contact row as the run read it, while the lease holds: the one condition of both forms below.
  const asRead = sql<boolean>`workspace_id = ${p.workspaceId} and id = ${p.contactId}
    and xmin::text = ${p.version} and exists (select 1 from lease)`;
  const guarded = leased.with('contact', (qb) =>
    hasUpdate
      ? qb
          .updateTable('contacts')
          .set({
            ...columns,
            ...('metadata' in p
              ? { metadata: sql<Record<string, unknown>>`cast(${p.metadata} as jsonb)` }
              : {}),
            updated_at: sql<Date>`now()`,
          })
          .where(asRead)
          .returning('contacts.id')
      : (qb.selectFrom('contacts').select('contacts.id').where(asRead) as never),
  );
  // The history row's CTE is not read below; the query keeps the type it had without it.
  const withHistory: typeof guarded =
    'changes' in p
      ? (guarded.with('history', (qb) =>
          qb
            .insertInto('contact_changes')
            .columns([
              'workspace_id',
              'contact_id',
              'execution_id',
              'connector_id',
              'flow_run_id',
              'node_id',
              'changes',
            ])
            .expression((eb) =>
              eb
                .selectFrom('contact')
                .select([
                  sql<string>`cast(${p.workspaceId} as uuid)`.as('workspace_id'),
                  'contact.id',
                  sql<string | null>`cast(${p.sourceExecution} as uuid)`.as('execution_id'),
                  sql<string | null>`cast(${p.sourceConnector} as uuid)`.as('connector_id'),
                  sql<string | null>`cast(${p.sourceFlowRun} as uuid)`.as('flow_run_id'),
                  sql<string | null>`cast(${p.sourceNode} as varchar)`.as('node_id'),
                  sql`cast(${p.changes} as jsonb)`.as('changes'),
                ]),
            )
            .returning('contact_changes.id'),
        ) as unknown as typeof guarded)
      : guarded;
  const query = withCompanions(
    withHistory.with('finished', (qb) =>
      qb
        .updateTable('connector_executions')
        .set(finishValues(p))
        .where((eb) => eb.and([heldBy(eb, lease), eb.exists(eb.selectFrom('contact').select('contact.id'))]))
        .returning(['id', 'workspace_id', 'connector_id']),
    ) as unknown as FinishedCreator,
    outcome,
    resultsOf(p, resultCount),
  );
  return query.selectNoFrom((eb) => [
    eb.selectFrom('finished').select('finished.id').limit(1).as('finished_id'),
    eb
      .exists(
        eb
          .selectFrom('connector_executions')
          .select('id')
          .where((w) => heldBy(w, lease)),
      )
      .as('held'),
  ]);
}

/**
 * A live run's end and its write to the contact in ONE statement, without a transaction around it
 * (optimistic: no lock is taken while the new values are computed):
 * 1. `lease` locks the execution row while the lease still holds it, so no other worker can take the
 *    run (or a user cancel it) between the contact write and the finish;
 * 2. `contact` updates the contact — or, with no change, only checks it — if it is still the version
 *    the run read (`xmin`, which every update of the row changes), and only under that lease;
 * 3. the contact's history row, the finish, the counters and the held-back node results follow only
 *    if the contact step matched.
 * Either everything is written or nothing: `contact_changed` when the contact is not the version read
 * (the caller reads it again and retries, or writes under a lock), `lease_lost` when the lease was gone.
 */
export async function finishExecutionWithContact(
  db: Executor,
  input: FinishExecutionInput,
  contact: ContactWriteInput,
): Promise<FinishWithContactOutcome> {
  if (!isUuid(input.executionId) || !isUuid(contact.contactId)) return 'lease_lost';
  const results = input.results ?? [];
  const source = contact.source;
  // Everything that varies is a parameter; what shapes the statement is in the keys and the shape.
  const params: Record<string, unknown> = {
    ...finishParams(input),
    workspaceId: contact.workspaceId,
    contactId: contact.contactId,
    version: contact.version,
    ...Object.fromEntries(Object.entries(contact.columns).map(([column, value]) => [`set_${column}`, value])),
    ...(contact.metadata === undefined ? {} : { metadata: JSON.stringify(contact.metadata) }),
    ...(contact.changes.length === 0
      ? {}
      : {
          changes: JSON.stringify(contact.changes),
          sourceExecution: source.executionId ?? null,
          sourceConnector: source.connectorId ?? null,
          sourceFlowRun: source.flowRunId ?? null,
          sourceNode: source.nodeId ?? null,
        }),
    ...resultParams(results),
  };
  const { rows } = await templates.executeNamed(
    db,
    `with-contact:${input.count_as ?? '-'}:${results.length}`,
    params,
    (p) => finishWithContactStatement(db, p, input.count_as, results.length),
  );
  const row = rows[0];
  if (!row) throw new Error('The finishing statement returned no row');
  if (row.finished_id) return 'finished';
  return row.held ? 'contact_changed' : 'lease_lost';
}
