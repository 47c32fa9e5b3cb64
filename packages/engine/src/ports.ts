/**
 * The engine's I/O, passed in as one object of ports so the same engine runs in the API's local worker,
 * in a Trigger.dev task and in tests. The engine itself never imports a database, a server or a fetch.
 */
import type { NodeResult, NodeStartedEvent } from './runtime/node-result';

/** One outbound HTTP request, fully built (templates already interpolated). */
export interface HttpRequest {
  method: string;
  url: string;
  /** Header names as the user wrote them; values already checked for CR/LF. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Per-attempt deadline. */
  timeoutMs: number;
  /** The response body is cut off (and the request fails with `response_too_large`) past this size. */
  maxResponseBytes: number;
  signal?: AbortSignal;
  /**
   * Header names that carry credentials. On a redirect to another origin they are dropped; if a secret
   * value appears in the redirect's URL the redirect is refused.
   */
  sensitiveHeaders?: string[];
  /** Secret values the request carries, so a redirect that would leak one in its URL is refused. */
  secretValues?: string[];
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
  /** The URL that finally answered, after redirects. */
  url: string;
  /** Redirect hops followed before the final response. */
  redirects: number;
}

/** Sends requests. The default adapter (`@connectors/engine/http`) adds the outbound address guard. */
export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A secret as the resolver hands it over: its value and the hosts it may be sent to (none = any). */
export interface ResolvedSecret {
  value: string;
  hosts?: string[];
}

/**
 * Resolves `workspace.<name>` and `credentials.<service>.<field>` references, lazily, only in http nodes.
 * `path` is the reference without its root, e.g. `['hubspot_token']` for `workspace.hubspot_token`.
 */
export interface SecretResolver {
  resolve(root: 'workspace' | 'credentials', path: string[]): Promise<ResolvedSecret | undefined>;
}

/**
 * Told about each node as it starts and finishes. `nodeFinished` is awaited before any dependant of the
 * node starts, so a runner that persists there can resume a crashed run without calling an API twice.
 */
export interface RunRecorder {
  nodeStarted?(event: NodeStartedEvent): void | Promise<void>;
  nodeFinished(result: NodeResult): void | Promise<void>;
}

export interface EnginePorts {
  http: HttpClient;
  clock: Clock;
  secrets: SecretResolver;
  recorder: RunRecorder;
  /** Random number in [0, 1) for backoff jitter; injectable for deterministic tests. */
  random?: () => number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
