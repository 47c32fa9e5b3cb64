/** One signal for a request that fires on its deadline or when the caller aborts, remembering which. */
import { OutboundRequestError } from './outbound-request.error';

/** setTimeout fires at once for delays past 2^31-1 ms (about 24.8 days), so larger ones are capped. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function clampTimeout(ms: number): number {
  if (Number.isNaN(ms) || ms < 0) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}

export class RequestDeadline {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #external: AbortSignal | undefined;
  /** The timeout actually applied, in milliseconds. */
  readonly ms: number;
  readonly #onExternalAbort = () =>
    this.#abort(new OutboundRequestError('aborted', 'The request was cancelled'));

  /**
   * @param timeoutMs covers everything: DNS, connect, headers and body, across redirects.
   * @param external the caller's signal (`HttpRequest.signal`).
   */
  constructor(timeoutMs: number, external?: AbortSignal) {
    this.#external = external;
    this.ms = clampTimeout(timeoutMs);
    this.#timer = setTimeout(
      () => this.#abort(new OutboundRequestError('timeout', `The request timed out after ${this.ms} ms`)),
      this.ms,
    );
    if (external?.aborted) this.#onExternalAbort();
    else external?.addEventListener('abort', this.#onExternalAbort, { once: true });
  }

  /** Aborts (with an {@link OutboundRequestError} as reason) on timeout or on the caller's abort. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The `timeout` or `aborted` error once the deadline has fired, else undefined. */
  get error(): OutboundRequestError | undefined {
    return this.#controller.signal.aborted
      ? (this.#controller.signal.reason as OutboundRequestError)
      : undefined;
  }

  /** Throws the deadline's error if it has fired. */
  throwIfExpired(): void {
    const error = this.error;
    if (error) throw error;
  }

  /** Waits for `promise`, but gives up as soon as the deadline fires (for work that cannot be cancelled). */
  race<T>(promise: Promise<T>): Promise<T> {
    this.throwIfExpired();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.error);
      this.signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (value) => {
          this.signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          this.signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** Stops the timer and detaches from the caller's signal. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#external?.removeEventListener('abort', this.#onExternalAbort);
  }

  #abort(reason: OutboundRequestError): void {
    if (this.#controller.signal.aborted) return;
    clearTimeout(this.#timer);
    this.#controller.abort(reason);
  }
}
