/**
 * Remembers when this process last wrote a credential's `last_used_at`, so a busy credential is written
 * at most once per `intervalMs` instead of once per run: `last_used_at` is shown to the minute, and one
 * row update per run made every run of a workspace queue on the same row lock. Several processes each
 * write on their own schedule; the value stays within `intervalMs` of the truth.
 */
export class TouchThrottle {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs = 60_000,
    /** Entries kept before the oldest are forgotten (a forgotten credential is simply written again). */
    private readonly capacity = 10_000,
  ) {}

  /** True when `key` was not touched within the interval; records the touch. */
  due(key: string, now = Date.now()): boolean {
    const previous = this.last.get(key);
    if (previous !== undefined && now - previous < this.intervalMs) return false;
    this.last.delete(key);
    this.last.set(key, now);
    if (this.last.size > this.capacity) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
    return true;
  }

  /** Forgets `key`: its next use writes again (after the credential is replaced, for instance). */
  forget(key: string): void {
    this.last.delete(key);
  }
}

/** The throttle every run of this process shares. */
export const credentialTouches = new TouchThrottle();
