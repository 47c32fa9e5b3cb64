import { type Executor, NodeResultWriter } from '@connectors/db';
import { createHttpClient, type GuardedHttpClient } from '@connectors/engine/http';
import { createCredentialCipher, type Keyring, type RunnerDeps } from '@connectors/runner';
import type { AppContext } from './app-context';
import { BulkRunner } from './bulk/bulk-runner';
import type { AppConfig } from './config';
import { createTriggerDispatcher } from './dispatch/trigger-dispatcher';
import { createTriggerFlowDispatcher } from './dispatch/trigger-flow-dispatcher';
import { ExecutionEventBus } from './events/execution-event-bus';
import { createDatabaseRateLimiter } from './rate-limit/database-rate-limiter';
import { AuditWriter } from './security/audit-writer';
import { LocalFlowWorker } from './worker/local-flow-worker';
import { LocalWorker } from './worker/local-worker';

/** What the API needs besides its configuration. */
export interface AppRuntimeOptions {
  db: Executor;
  config: AppConfig;
  keyring: Keyring;
  /** `pglite`: this process owns the database (the worker may expire leases left by a crash at start). */
  dialect: 'pglite' | 'postgres';
  /** Defaults to the guarded client (`CONNECTORS_ALLOW_PRIVATE_NETWORK` lifts the address guard). */
  http?: GuardedHttpClient;
}

/** The wired context and the lifecycle of what runs in the background (the local worker). */
export interface AppRuntime {
  ctx: AppContext;
  start(): Promise<void>;
  /** Stops the worker (in-flight runs get `graceMs`, then resume on the next start) and the HTTP pools. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Wires the adapters once (DESIGN §2: one file wires the real ports): cipher, guarded HTTP client, event
 * bus, rate limiter, runner dependencies and the dispatcher. Without `TRIGGER_SECRET_KEY` the
 * dispatcher is the in-process local worker; with it, executions go to Trigger.dev's `execute-connector`
 * task (trigger/).
 */
export function createAppRuntime(options: AppRuntimeOptions): AppRuntime {
  const { db, config } = options;
  const http = options.http ?? createHttpClient({ allowPrivateNetwork: config.allowPrivateNetwork });
  const events = new ExecutionEventBus();
  const cipher = createCredentialCipher(options.keyring);
  // The local worker's concurrent runs write their node results together (group commit): one batch at a
  // time on PGlite's single connection, two on a PostgreSQL pool.
  const nodeResults = new NodeResultWriter(db, { maxInFlight: options.dialect === 'pglite' ? 1 : 2 });
  const runner: RunnerDeps = { db, http, cipher, leaseMs: config.leaseMs, events, nodeResults };
  const worker = new LocalWorker({
    deps: runner,
    bus: events,
    concurrency: config.workerConcurrency,
    perWorkspaceConcurrency: config.workspaceConcurrency,
    pollMs: config.workerPollMs,
    exclusiveDatabase: options.dialect === 'pglite',
  });
  const dispatcher = config.triggerSecretKey
    ? createTriggerDispatcher({ db, secretKey: config.triggerSecretKey, apiUrl: config.triggerApiUrl })
    : worker;
  const flows = config.triggerSecretKey
    ? createTriggerFlowDispatcher({ db, secretKey: config.triggerSecretKey, apiUrl: config.triggerApiUrl })
    : new LocalFlowWorker({
        deps: runner,
        concurrency: config.workerConcurrency,
        pollMs: config.workerPollMs,
        exclusiveDatabase: options.dialect === 'pglite',
      });
  const bulk = new BulkRunner({ context: () => ctx, pollMs: config.workerPollMs });
  const ctx: AppContext = {
    db,
    config,
    cipher,
    http,
    events,
    dispatcher,
    flows,
    bulk,
    rateLimiter: createDatabaseRateLimiter({ db, limit: config.rateLimitPerMinute }),
    runner,
    audit: new AuditWriter(db),
  };
  return {
    ctx,
    async start() {
      await dispatcher.start();
      await flows.start();
      await bulk.start();
    },
    async stop(graceMs) {
      await bulk.stop();
      await flows.stop(graceMs);
      await dispatcher.stop(graceMs);
      // Requests still being answered wait for their audit rows: write them before the database closes.
      await ctx.audit.flush();
      await http.close();
    },
  };
}
