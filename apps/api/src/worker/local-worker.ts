import { randomUUID } from 'node:crypto';
import {
  type ConnectorExecution,
  claimExecutions,
  claimExecutionsCapped,
  expireAllExecutionLeases,
  failExhaustedExecutions,
  vacuumRunTables,
} from '@connectors/db';
import { consoleLogger, RunInterrupt, type RunnerDeps, runExecution } from '@connectors/runner';
import type { ExecutionEventBus } from '../events/execution-event-bus';
import { ClaimLoop, drainRuns, type HeldRun } from './claim-loop';
import type { ManagedDispatcher } from './dispatcher';

export interface LocalWorkerOptions {
  deps: RunnerDeps;
  /** Heard for cancels of the runs this worker holds. */
  bus: ExecutionEventBus;
  /** Executions run at once (`CONNECTORS_WORKER_CONCURRENCY`). */
  concurrency: number;
  /**
   * Runs of one workspace held at once (`CONNECTORS_WORKSPACE_CONCURRENCY`), so one workspace's burst
   * cannot take every slot; unset or not below `concurrency`: no cap (one claim statement, the fast path).
   */
  perWorkspaceConcurrency?: number | undefined;
  /** How often to look for work when nothing woke the worker (runs enqueued by another process). */
  pollMs: number;
  /** A run whose worker died this many times is failed instead of claimed again. Default 5. */
  maxAttempts?: number;
  /**
   * The database belongs to this process alone (PGlite): any `running` row at start was left by a crash
   * of this very app, so its lease is expired at once instead of waited out.
   */
  exclusiveDatabase?: boolean;
  /** With `exclusiveDatabase`: runs ended between two vacuums of the run tables. Default 1000. */
  vacuumEveryRuns?: number;
  workerId?: string;
}

const DEFAULT_MAX_ATTEMPTS = 5;
/** On a database this process owns (PGlite, no autovacuum), runs ended between two vacuums. */
const VACUUM_EVERY_RUNS = 1_000;
/** …and before the first one: a new database gets statistics early (see `vacuumRunTables`). */
const FIRST_VACUUM_AFTER_RUNS = 100;
/** The first vacuum analyzes too, and then every so many (an analyze holds PGlite ~0.2 s). */
const ANALYZE_EVERY_VACUUMS = 10;
const DEFAULT_GRACE_MS = 5_000;
/** After interrupting, how long to wait for runs to hand their leases back before giving up on them. */
const INTERRUPT_WAIT_MS = 5_000;

/**
 * The in-process worker used when Trigger.dev is not configured (DESIGN §4). It claims `pending` rows
 * (and `running` rows whose lease expired: their worker died) with a conditional update, up to
 * `concurrency` at once, and runs each with the shared runner, which renews the lease as it goes. It
 * wakes at once on `dispatch`, and polls as a fallback and to recover expired leases.
 */
export class LocalWorker implements ManagedDispatcher {
  readonly workerId: string;
  private readonly running = new Map<string, HeldRun>();
  private readonly maxAttempts: number;
  private readonly loop = new ClaimLoop(
    () => this.claim(),
    (error) => this.logger.error(`could not claim executions: ${error.message}`),
  );
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastSweep = 0;
  /**
   * Whether work may be waiting that this worker has not claimed: set by an enqueue and by a claim that
   * filled every slot, cleared by a claim that found less than it asked for. A run that ends looks for
   * more only then, instead of sending a claim per run that finds nothing; the poll covers runs
   * enqueued by other processes.
   */
  private backlog = true;
  /** Counts enqueues, so a claim that raced one does not clear `backlog`. */
  private enqueued = 0;
  private endedSinceVacuum = 0;
  private vacuuming: Promise<void> | undefined;
  /** Vacuums this worker ran (the first comes sooner and analyzes, as every tenth does). */
  private vacuums = 0;

  constructor(private readonly options: LocalWorkerOptions) {
    this.workerId = options.workerId ?? `local-${randomUUID()}`;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }

  private get logger() {
    return this.options.deps.logger ?? consoleLogger;
  }

  async start(): Promise<void> {
    const { db } = this.options.deps;
    if (this.options.exclusiveDatabase) {
      const expired = await expireAllExecutionLeases(db);
      if (expired > 0) console.log(`[worker] resuming ${expired} execution(s) interrupted by the last stop`);
    }
    this.unsubscribe = this.options.bus.subscribeAll((event) => {
      if (event.type === 'run.cancel_requested') {
        this.running.get(event.executionId)?.controller.abort(new RunInterrupt('cancel'));
      }
    });
    this.timer = setInterval(() => {
      this.backlog = true;
      this.wake();
    }, this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  async dispatch(_executionId: string): Promise<void> {
    this.enqueued++;
    this.backlog = true;
    this.wake();
  }

  /** How many runs this worker holds now. */
  get activeRuns(): number {
    return this.running.size;
  }

  private wake(): void {
    this.loop.wake();
  }

  /**
   * Claims work until the worker is full or nothing is waiting, every free slot in one statement. One
   * pass at a time (`ClaimLoop`); a wake during a pass (an enqueue, a run ending) makes it look again.
   */
  private async claim(): Promise<void> {
    const { db, leaseMs } = this.options.deps;
    await this.sweepExhausted();
    while (!this.loop.stopping && this.running.size < this.options.concurrency) {
      const free = this.options.concurrency - this.running.size;
      const enqueued = this.enqueued;
      const cap = this.options.perWorkspaceConcurrency;
      const capped = cap !== undefined && cap < this.options.concurrency;
      const claim = { workerId: this.workerId, leaseMs, maxAttempts: this.maxAttempts, limit: free };
      const { claimed, heldBack } = capped
        ? await claimExecutionsCapped(db, { ...claim, perWorkspace: cap })
        : { claimed: await claimExecutions(db, claim), heldBack: false };
      for (const execution of claimed) this.launch(execution);
      if (claimed.length < free) {
        // Under a cap, work may wait behind a busy workspace: then a run that ends looks again.
        if (this.enqueued === enqueued && heldBack === false) this.backlog = false;
        break;
      }
      this.backlog = true;
    }
  }

  /**
   * PGlite runs no autovacuum, and every run leaves dead row versions behind (its execution row is
   * updated several times) and is never analyzed: vacuum the run tables after the first
   * `FIRST_VACUUM_AFTER_RUNS` runs and then every `VACUUM_EVERY_RUNS`, analyzing them the first time and
   * every `ANALYZE_EVERY_VACUUMS`th, so claims and lookups do not slow down as runs pile up.
   * PostgreSQL's autovacuum does this itself.
   */
  private vacuumNowAndThen(): void {
    if (!this.options.exclusiveDatabase || this.vacuuming) return;
    const every = this.options.vacuumEveryRuns ?? VACUUM_EVERY_RUNS;
    if (++this.endedSinceVacuum < (this.vacuums > 0 ? every : Math.min(every, FIRST_VACUUM_AFTER_RUNS)))
      return;
    this.endedSinceVacuum = 0;
    const analyze = this.vacuums % ANALYZE_EVERY_VACUUMS === 0;
    this.vacuums++;
    this.vacuuming = vacuumRunTables(this.options.deps.db, { analyze })
      .catch((error: unknown) => this.logger.warn(`could not vacuum: ${(error as Error).message}`))
      .finally(() => {
        this.vacuuming = undefined;
      });
  }

  /** Fails runs that keep killing their worker, once per lease period at most. */
  private async sweepExhausted(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < this.options.deps.leaseMs) return;
    this.lastSweep = now;
    const failed = await failExhaustedExecutions(this.options.deps.db, this.maxAttempts);
    if (failed > 0) this.logger.warn(`failed ${failed} execution(s) abandoned ${this.maxAttempts} times`);
  }

  private launch(execution: ConnectorExecution): void {
    const controller = new AbortController();
    const lease = { executionId: execution.id, workerId: this.workerId, attempt: execution.attempt };
    const done = runExecution(this.options.deps, execution.id, lease, {
      signal: controller.signal,
      claimed: execution,
    })
      .then(() => undefined)
      .catch((error: unknown) => {
        // An infrastructure fault: the lease runs out and a later claim resumes the run.
        this.logger.error(`execution ${execution.id} stopped: ${(error as Error).message}`);
      })
      .finally(() => {
        this.running.delete(execution.id);
        this.vacuumNowAndThen();
        if (this.backlog) this.wake();
      });
    this.running.set(execution.id, { controller, done });
  }

  /**
   * Stops claiming, lets running executions finish for `graceMs`, then interrupts the rest: each keeps
   * its completed steps and hands its lease back, so nothing stays `running` past its lease and the next
   * start (or another worker) resumes it without calling a completed step again.
   */
  async stop(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.loop.stop(); // a claim in flight becomes a run that is waited for below
    await drainRuns(this.running, {
      graceMs,
      reason: new RunInterrupt('shutdown'),
      waitMs: INTERRUPT_WAIT_MS,
    });
    await this.vacuuming;
  }
}
