import { randomUUID } from 'node:crypto';
import {
  claimNextFlowRun,
  expireAllFlowRunLeases,
  type FlowRun,
  type FlowRunLease,
  releaseFlowRunLease,
  renewFlowRunLease,
} from '@connectors/db';
import { consoleLogger, type RunnerDeps, runChildInProcess, runFlowRun } from '@connectors/runner';
import { ClaimLoop, drainRuns, type HeldRun } from './claim-loop';
import type { FlowDispatcher } from './flow-dispatcher';

export interface LocalFlowWorkerOptions {
  deps: RunnerDeps;
  /** Flow runs carried out at once. */
  concurrency: number;
  /** How often to look for work when nothing woke the worker. */
  pollMs: number;
  /** The database belongs to this process alone (PGlite): leases left by a crash are expired at start. */
  exclusiveDatabase?: boolean;
  workerId?: string;
}

const DEFAULT_GRACE_MS = 5_000;

/**
 * Runs flow runs in this process when Trigger.dev is not configured (DESIGN §3b, §4): claims pending flow
 * runs (and running ones whose lease expired: their process died) with a conditional update, keeps the
 * lease alive while the run goes on (a delay node may wait for long), and carries each out with the
 * flow runtime shared with the Trigger.dev task. Connector nodes run their child executions right here
 * through the runner (`runChildInProcess`). A stop interrupts runs after `graceMs`: completed nodes are
 * kept and the next start resumes them.
 */
export class LocalFlowWorker implements FlowDispatcher {
  readonly workerId: string;
  private readonly running = new Map<string, HeldRun>();
  private readonly loop = new ClaimLoop(
    () => this.claim(),
    (error) => this.logger.error(`could not claim flow runs: ${error.message}`),
  );
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: LocalFlowWorkerOptions) {
    this.workerId = options.workerId ?? `local-flows-${randomUUID()}`;
  }

  private get logger() {
    return this.options.deps.logger ?? consoleLogger;
  }

  async start(): Promise<void> {
    if (this.options.exclusiveDatabase) {
      const expired = await expireAllFlowRunLeases(this.options.deps.db);
      if (expired > 0) console.log(`[flows] resuming ${expired} flow run(s) interrupted by the last stop`);
    }
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  async dispatchFlowRun(): Promise<void> {
    this.wake();
  }

  /**
   * Stops a cancelled flow run this worker holds: its node in progress (a delay, a child execution run
   * in-process) is cut short and no further node starts. The run is already `cancelled`, so the abort's
   * lease release changes nothing and no worker claims it again.
   */
  async cancel(flowRunId: string): Promise<void> {
    this.running.get(flowRunId)?.controller.abort();
  }

  /** How many flow runs this worker holds now. */
  get activeRuns(): number {
    return this.running.size;
  }

  private wake(): void {
    this.loop.wake();
  }

  /** Claims flow runs one by one until the worker is full or nothing is waiting. */
  private async claim(): Promise<void> {
    const { db, leaseMs } = this.options.deps;
    while (!this.loop.stopping && this.running.size < this.options.concurrency) {
      const claimed = await claimNextFlowRun(db, { workerId: this.workerId, leaseMs });
      if (!claimed) break;
      this.launch(claimed);
    }
  }

  private launch(flowRun: FlowRun): void {
    const { deps } = this.options;
    const controller = new AbortController();
    const lease: FlowRunLease = { flowRunId: flowRun.id, workerId: this.workerId, attempt: flowRun.attempt };
    const renew = setInterval(
      () => {
        renewFlowRunLease(deps.db, lease, deps.leaseMs).catch((error: unknown) =>
          this.logger.warn(
            `renewing the lease of flow run ${flowRun.id} failed: ${(error as Error).message}`,
          ),
        );
      },
      Math.max(50, Math.floor(deps.leaseMs / 3)),
    );
    renew.unref();
    const done = runFlowRun(
      { runner: deps, runChild: runChildInProcess(deps, this.workerId, controller.signal) },
      {
        workspaceId: flowRun.workspace_id,
        flowRunId: flowRun.id,
        attempt: flowRun.attempt,
        signal: controller.signal,
      },
    )
      .then(async (outcome) => {
        if (outcome.outcome === 'interrupted') await releaseFlowRunLease(deps.db, lease);
      })
      .catch((error: unknown) => {
        // An infrastructure fault: the lease runs out and a later claim resumes the run.
        this.logger.error(`flow run ${flowRun.id} stopped: ${(error as Error).message}`);
      })
      .finally(() => {
        clearInterval(renew);
        this.running.delete(flowRun.id);
        this.wake();
      });
    this.running.set(flowRun.id, { controller, done });
  }

  async stop(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.loop.stop();
    await drainRuns(this.running, { graceMs, waitMs: DEFAULT_GRACE_MS });
  }
}
