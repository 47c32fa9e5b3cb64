import type { Executor, NodeResultWriter } from '@connectors/db';
import type { Clock, HttpClient } from '@connectors/engine/runtime';
import type { CredentialCipher } from '../crypto/credential-cipher';
import type { RunEventSink } from './run-events';

/** Where the runner reports what it cannot put in the database (never secrets). */
export interface RunnerLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** Everything `runExecution` needs, passed in so the API's worker and a Trigger.dev task share it. */
export interface RunnerDeps {
  db: Executor;
  /** The guarded outbound client (`createHttpClient` from `@connectors/engine/http`). */
  http: HttpClient;
  cipher: CredentialCipher;
  /** How long a lease lasts; the runner renews it while the run goes on. */
  leaseMs: number;
  clock?: Clock;
  events?: RunEventSink;
  logger?: RunnerLogger;
  /** Requests in flight per run (the engine's `maxParallel`). Default 8. */
  maxParallel?: number;
  /**
   * Writes node results for every run of this process together (group commit). Without it each result
   * is its own insert, which is all a process running one run at a time (a Trigger.dev task) needs.
   */
  nodeResults?: NodeResultWriter;
}

export const consoleLogger: RunnerLogger = {
  warn: (message) => console.warn(`[runner] ${message}`),
  error: (message) => console.error(`[runner] ${message}`),
};
