import { type QueryCreator, sql } from 'kysely';
import type { Database, Executor } from '../database';
import { isUuid } from '../sql/is-uuid';
import { QueryTemplates } from '../sql/query-template';
import type { LeaseToken } from './execution.repository';
import {
  NODE_RESULT_COLUMNS,
  type NodeResultInput,
  nodeResultParams,
  type RowBuilder,
  resultRowOf,
} from './node-result.repository';

/** One node result to record, and optionally the step its run goes on with (see `recordNodeResultWithStep`). */
export interface NodeResultWrite {
  input: NodeResultInput;
  step?: (LeaseToken & { currentStep: string | null }) | undefined;
}

const STEP_VALUES = 4;
const RESULT_VALUES = 2 + NODE_RESULT_COLUMNS.length;
const templates = new QueryTemplates();

/**
 * The statement of `recordNodeResults` for `stepCount` steps and `resultCount` results, from `v`: each
 * step's execution, worker, attempt and step, then each result's execution, workspace and
 * `nodeResultParams`.
 */
function resultsStatement(db: Executor, v: readonly unknown[], stepCount: number, resultCount: number) {
  const stepRows = Array.from({ length: stepCount }, (_, i) => {
    const [id, worker, attempt, step] = v.slice(i * STEP_VALUES, (i + 1) * STEP_VALUES);
    return sql`(${id}::uuid, ${worker}::varchar, ${attempt}::integer, ${step}::varchar)`;
  });
  const resultValues = (i: number) => {
    const start = stepCount * STEP_VALUES + i * RESULT_VALUES;
    return v.slice(start, start + RESULT_VALUES);
  };
  // The step CTE adds nothing the insert reads: seen from the insert, it is the plain query creator.
  const from: QueryCreator<Database> =
    stepRows.length === 0
      ? db
      : (db.with('step', (qb) =>
          qb
            .updateTable('connector_executions as e')
            .from(sql`(values ${sql.join(stepRows)})`.as<'v'>(sql`v(id, worker, attempt, current_step)`))
            .set({ current_step: sql`v.current_step`, updated_at: sql<Date>`now()` })
            .where(
              sql<boolean>`e.id = v.id and e.status = 'running' and e.leased_by = v.worker and e.attempt = v.attempt`,
            )
            .returning('e.id'),
        ) as unknown as QueryCreator<Database>);
  return from
    .insertInto('execution_node_results')
    .columns(['execution_id', 'workspace_id', ...NODE_RESULT_COLUMNS])
    .expression((eb) => {
      // Each row is selected from its execution's row, which proves the workspace.
      const b = eb as RowBuilder;
      const row = (i: number) => {
        const [executionId, workspaceId, ...params] = resultValues(i);
        return resultRowOf(b, executionId, workspaceId, params);
      };
      let all = row(0);
      for (let i = 1; i < resultCount; i++) all = all.unionAll(row(i));
      return all;
    })
    .onConflict((oc) => oc.columns(['execution_id', 'node_id']).doNothing())
    .returning(['execution_node_results.execution_id', 'execution_node_results.node_id']);
}

/**
 * Records the results of several runs' nodes in ONE statement, each as `recordNodeResultWithStep` (or
 * `recordNodeResult` without a step) would: a result is inserted only for an execution of its own
 * workspace, the first result per (execution, node) wins, and `current_step` is written only while the
 * step's lease still holds the run. Rows keep the order given (`seq`).
 *
 * @returns for each write, in order, whether its row was inserted by this statement.
 */
export async function recordNodeResults(db: Executor, writes: NodeResultWrite[]): Promise<boolean[]> {
  const valid = writes.filter(
    (w) => isUuid(w.input.execution_id) && (!w.step || w.step.executionId === w.input.execution_id),
  );
  if (valid.length === 0) return writes.map(() => false);
  // The last step named per execution wins (two branches of one run finishing together).
  const steps = new Map<string, NonNullable<NodeResultWrite['step']>>();
  for (const w of valid) if (w.step) steps.set(w.step.executionId, w.step);
  const values: unknown[] = [];
  for (const s of steps.values()) values.push(s.executionId, s.workerId, s.attempt, s.currentStep);
  for (const w of valid) {
    values.push(w.input.execution_id, w.input.workspace_id, ...nodeResultParams(w.input));
  }
  const { rows: inserted } = await templates.execute(db, `${steps.size}:${valid.length}`, values, (v) =>
    resultsStatement(db, v, steps.size, valid.length),
  );
  const key = (executionId: string, nodeId: string) => `${executionId}\u0000${nodeId}`;
  const done = new Set(inserted.map((r) => key(r.execution_id, r.node_id)));
  // A node appearing twice in one batch is inserted once: only its first write reports it.
  return writes.map((w) => done.delete(key(w.input.execution_id, w.input.node_id)));
}

/**
 * `recordNodeResult` and the execution's `current_step` in ONE statement (a data-modifying CTE): the
 * runner persists a finished node and names the node that starts next in a single round trip. The
 * step is only written while `step` still holds the lease; the result is recorded as
 * `recordNodeResult` without a lease does (a run cancelled meanwhile keeps the step that completed).
 *
 * @returns true if this call inserted the result row.
 */
export async function recordNodeResultWithStep(
  db: Executor,
  input: NodeResultInput,
  step: LeaseToken & { currentStep: string | null },
): Promise<boolean> {
  const [inserted] = await recordNodeResults(db, [{ input, step }]);
  return inserted ?? false;
}

interface Waiting {
  write: NodeResultWrite;
  resolve(inserted: boolean): void;
  reject(error: unknown): void;
}

/**
 * Group commit for node results: concurrent runs' results go to the database together, in one
 * `recordNodeResults` statement per batch, and each caller's promise resolves only once the statement
 * holding its row has completed — the same guarantee as its own insert (a node's dependants start only
 * after its result is stored), at a fraction of the statements under load.
 *
 * A batch starts at once while fewer than `maxInFlight` are being written, so a lone run waits for
 * nothing; results arriving meanwhile queue for the next batch. If a batch of several fails, each of its
 * results is written again on its own, so one bad row (a value the database rejects) fails only its own
 * run's write.
 */
export class NodeResultWriter {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  constructor(
    private readonly db: Executor,
    options: { maxInFlight?: number; maxBatch?: number } = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
    this.maxBatch = Math.max(1, options.maxBatch ?? 100);
  }

  /** Records one result (see `recordNodeResults`); true if its row was inserted. */
  record(write: NodeResultWrite): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const inserted = await recordNodeResults(
        this.db,
        batch.map((w) => w.write),
      );
      for (const [i, w] of batch.entries()) w.resolve(inserted[i] ?? false);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const w of batch) {
        try {
          const [inserted] = await recordNodeResults(this.db, [w.write]);
          w.resolve(inserted ?? false);
        } catch (own) {
          w.reject(own);
        }
      }
    }
  }
}
