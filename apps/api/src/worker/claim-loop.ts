/** A run a worker holds: how to interrupt it, and when it has ended. */
export interface HeldRun {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Serializes a worker's claims: one pass at a time, and a wake that comes during a pass (an enqueue, a
 * run ending) makes it pass again once it is over instead of starting a second one beside it. Both
 * local workers (executions and flow runs) claim this way.
 */
export class ClaimLoop {
  private pumping: Promise<void> | undefined;
  private wakeAgain = false;
  private stopped = false;

  /**
   * @param pass claims what it can; it should end early once `stopping` is true.
   * @param onError told about a pass that threw (the next wake or poll tries again).
   */
  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (error: Error) => void,
  ) {}

  /** True once `stop` was called: no pass starts any more. */
  get stopping(): boolean {
    return this.stopped;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.wakeAgain = true;
      return;
    }
    this.pumping = this.pump();
  }

  /** Starts no more passes and waits for the one under way (its claims become runs to wait for). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.pumping;
  }

  private async pump(): Promise<void> {
    try {
      do {
        this.wakeAgain = false;
        await this.pass();
      } while (this.wakeAgain && !this.stopped);
    } catch (error) {
      this.onError(error as Error);
    } finally {
      this.pumping = undefined;
    }
  }
}

/**
 * Lets the held runs finish for `graceMs`, then aborts the rest with `reason` and waits up to `waitMs`
 * more for them to hand their leases back (a run that does not is resumed when its lease runs out).
 */
export async function drainRuns(
  running: ReadonlyMap<string, HeldRun>,
  options: { graceMs: number; reason?: unknown; waitMs: number },
): Promise<void> {
  const settled = () => Promise.all([...running.values()].map((run) => run.done));
  await Promise.race([settled(), sleep(options.graceMs)]);
  for (const run of running.values()) run.controller.abort(options.reason);
  await Promise.race([settled(), sleep(options.waitMs)]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
