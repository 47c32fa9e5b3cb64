import {
  advanceBulkRun,
  type BulkRunSummary,
  bulkRunContactSlice,
  bulkRunProgress,
  type Connector,
  completeBulkRun,
  createExecution,
  type Flow,
  findBulkFlowRun,
  getConnector,
  getContact,
  getFlow,
  getFlowRun,
  listRunningBulkRuns,
  tagExecutionWithBulkRun,
  withTransaction,
} from '@connectors/db';
import { contactInputFields, resolveRunInputs } from '@connectors/runner';
import type { AppContext } from '../app-context';
import { ApiError } from '../errors/api-error';
import { dispatchSafely } from '../executions/dispatch-safely';
import { takeExecutionBudget } from '../executions/rate-limit-guard';
import { dispatchFlowRunSafely, startFlowRun } from '../flows/start-flow-run';
import { connectorProblems } from '../lib/connector-view';
import { flowProblems } from '../lib/flow-view';

/** Contacts handed out per step: one conditional update of the resume point per slice. */
export const BULK_SLICE = 50;

/** How one contact of a slice went. */
type ItemResult = 'dispatched' | 'skipped' | { pausedForMs: number };

export interface BulkRunnerOptions {
  /** The app's context (rate limiter, dispatchers), read when the runner works. */
  context: () => AppContext;
  /** How often running bulk runs are looked at when nothing woke the runner. */
  pollMs: number;
}

/**
 * Carries bulk runs (`POST /connectors/:id/bulk-execute`, `POST /flows/:id/bulk-run`) forward in this
 * process, for both dispatchers: hands their contacts out slice by slice as executions (or flow runs)
 * tagged with the bulk run, each taking one unit of the workspace's execution budget
 * (`takeExecutionBudget`); when the budget is spent the bulk run pauses until the limiter says, then
 * goes on. The state is in the database (`bulk_runs.queued` is the resume point, items have idempotency
 * keys), so a restarted process takes running bulk runs up where they were. A bulk run completes once
 * every contact was handed out and every item ended.
 */
export class BulkRunner {
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  private wakeAgain = false;
  private stopping = false;
  /** Bulk runs waiting for the rate limit, until when (ms since epoch). */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly options: BulkRunnerOptions) {}

  async start(): Promise<void> {
    this.stopping = false;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.pumping;
  }

  /** Looks at running bulk runs now (a new one was created). */
  wake(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.wakeAgain = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
    });
  }

  private async pump(): Promise<void> {
    const ctx = this.options.context();
    try {
      do {
        this.wakeAgain = false;
        for (const bulkRun of await listRunningBulkRuns(ctx.db)) {
          if (this.stopping) return;
          if ((this.pausedUntil.get(bulkRun.id) ?? 0) > Date.now()) continue;
          this.pausedUntil.delete(bulkRun.id);
          await this.step(ctx, bulkRun);
        }
      } while (this.wakeAgain && !this.stopping);
    } catch (error) {
      console.error(`[bulk] carrying bulk runs forward failed: ${(error as Error).message}`);
    }
  }

  /** Hands out the next slice of a bulk run, or completes it when everything was handed out and ended. */
  private async step(ctx: AppContext, bulkRun: BulkRunSummary): Promise<void> {
    if (bulkRun.queued >= bulkRun.total) {
      const progress = await bulkRunProgress(ctx.db, bulkRun);
      if (progress.finished >= bulkRun.total) await completeBulkRun(ctx.db, bulkRun.id);
      return;
    }
    const target = await loadTarget(ctx, bulkRun);
    const slice = await bulkRunContactSlice(ctx.db, bulkRun.id, bulkRun.queued, BULK_SLICE);
    let handled = 0;
    let skipped = 0;
    for (const contactId of slice) {
      if (this.stopping) break;
      const result = target ? await this.item(ctx, bulkRun, target, contactId) : 'skipped';
      if (typeof result === 'object') {
        this.pausedUntil.set(bulkRun.id, Date.now() + result.pausedForMs);
        break;
      }
      handled++;
      if (result === 'skipped') skipped++;
    }
    if (handled > 0) {
      await advanceBulkRun(ctx.db, bulkRun.id, bulkRun.queued, bulkRun.queued + handled, skipped);
      this.wakeAgain = true;
    }
  }

  /** Creates and dispatches one contact's item (or finds the one a crashed attempt created). */
  private async item(
    ctx: AppContext,
    bulkRun: BulkRunSummary,
    target: Target,
    contactId: string,
  ): Promise<ItemResult> {
    const workspaceId = bulkRun.workspace_id;
    const contact = await getContact(ctx.db, workspaceId, contactId);
    if (!contact) return 'skipped';
    if (target.kind === 'flow') {
      const existing = await findBulkFlowRun(ctx.db, bulkRun.id, contactId);
      if (existing) {
        const flowRun = await getFlowRun(ctx.db, workspaceId, existing.id);
        if (flowRun?.status === 'pending') await dispatchFlowRunSafely(ctx, flowRun);
        return 'dispatched';
      }
      const paused = await takeBudget(ctx, workspaceId);
      if (paused) return paused;
      await startFlowRun(ctx, target.flow, { contactId, triggerEvent: 'manual', bulkRunId: bulkRun.id });
      return 'dispatched';
    }
    const inputs = resolveRunInputs(target.connector.input_schema, undefined, contactInputFields(contact));
    if (!inputs.ok) return 'skipped';
    const paused = await takeBudget(ctx, workspaceId);
    if (paused) return paused;
    const { execution, created } = await withTransaction(ctx.db, async (trx) => {
      const made = await createExecution(trx, {
        workspace_id: workspaceId,
        connector_id: target.connector.id,
        connector_version: target.connector.version,
        graph_snapshot: target.connector.config,
        contact_id: contactId,
        input_data: inputs.inputs,
        mode: 'live',
        idempotency_key: `bulk:${bulkRun.id}:${contactId}`,
      });
      if (made.created) await tagExecutionWithBulkRun(trx, made.execution.id, bulkRun.id);
      return made;
    });
    // Made by an attempt that crashed after creating it: it was counted then.
    if (!created) await ctx.rateLimiter.giveBack(workspaceId);
    if (execution.status === 'pending') await dispatchSafely(ctx, execution.id);
    return 'dispatched';
  }
}

/** What a bulk run runs, if it still can (deleted, disabled or broken: its remaining contacts are skipped). */
type Target = { kind: 'connector'; connector: Connector } | { kind: 'flow'; flow: Flow };

async function loadTarget(ctx: AppContext, bulkRun: BulkRunSummary): Promise<Target | undefined> {
  if (bulkRun.kind === 'flow') {
    const flow = await getFlow(ctx.db, bulkRun.workspace_id, bulkRun.target_id);
    return flow && flowProblems(flow.config).ok ? { kind: 'flow', flow } : undefined;
  }
  const connector = await getConnector(ctx.db, bulkRun.workspace_id, bulkRun.target_id);
  if (!connector?.enabled || !connectorProblems(connector).ok) return undefined;
  return { kind: 'connector', connector };
}

/** One unit of the workspace's execution budget, or how long to pause when it is spent. */
async function takeBudget(
  ctx: AppContext,
  workspaceId: string,
): Promise<{ pausedForMs: number } | undefined> {
  try {
    await takeExecutionBudget(ctx, workspaceId);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      const seconds = Number(
        (error.details as { retry_after_seconds?: number } | undefined)?.retry_after_seconds,
      );
      return { pausedForMs: Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000 };
    }
    throw error;
  }
}
