/**
 * Why a run stopped before its end, other than its own deadline:
 * - `cancel`: a user cancelled it (the API already marked the row `cancelled`);
 * - `lease_lost`: another worker took the run over, so this one must not write its end;
 * - `shutdown`: this worker is stopping; the lease is handed back and the run resumes elsewhere.
 */
export type StopKind = 'cancel' | 'lease_lost' | 'shutdown';

const MESSAGES: Record<StopKind, string> = {
  cancel: 'The run was cancelled',
  lease_lost: 'The run was taken over by another worker',
  shutdown: 'The worker is shutting down; the run will resume',
};

/** The abort reason a worker passes (`controller.abort(new RunInterrupt('shutdown'))`). */
export class RunInterrupt extends Error {
  override readonly name = 'RunInterrupt';
  constructor(readonly kind: StopKind) {
    super(MESSAGES[kind]);
  }
}

/** One place that decides, once, why a run stops, and aborts the engine with it. */
export class RunStop {
  private readonly controller = new AbortController();
  kind: StopKind | undefined;

  constructor(external?: AbortSignal) {
    const onAbort = () =>
      this.request(external?.reason instanceof RunInterrupt ? external.reason.kind : 'shutdown');
    if (external?.aborted) onAbort();
    else external?.addEventListener('abort', onAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The first request wins: a cancel seen after a shutdown does not change what happens. */
  request(kind: StopKind): void {
    if (this.kind) return;
    this.kind = kind;
    this.controller.abort(new RunInterrupt(kind));
  }
}
