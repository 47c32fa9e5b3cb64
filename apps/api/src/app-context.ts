import type { Executor } from '@connectors/db';
import type { HttpClient } from '@connectors/engine/runtime';
import type { CredentialCipher, RunnerDeps } from '@connectors/runner';
import type { BulkRunner } from './bulk/bulk-runner';
import type { AppConfig } from './config';
import type { ExecutionEventBus } from './events/execution-event-bus';
import type { RateLimiter } from './rate-limit/rate-limiter';
import type { AuditWriter } from './security/audit-writer';
import type { Dispatcher } from './worker/dispatcher';
import type { FlowDispatcher } from './worker/flow-dispatcher';

/**
 * What every route can reach. Wired once in `app-runtime.ts` (by `server.ts`, and by the tests over a
 * throw-away database), so routes never build their own I/O.
 */
export interface AppContext {
  db: Executor;
  config: AppConfig;
  /** Encrypts credentials on write; the runner decrypts them at run time. */
  cipher: CredentialCipher;
  /** The guarded outbound HTTP client runs use. */
  http: HttpClient;
  /** In-process run events: wakes SSE streams, carries cancels to the local worker. */
  events: ExecutionEventBus;
  /** Hands pending executions to whatever runs them. */
  dispatcher: Dispatcher;
  /** Hands pending flow runs to whatever runs them (the local flow worker or Trigger.dev). */
  flows: FlowDispatcher;
  /** Carries bulk runs forward within the workspace's execution rate limit. */
  bulk: BulkRunner;
  /** Executions per workspace per minute. */
  rateLimiter: RateLimiter;
  /** The runner's dependencies, for runs the API does itself (`POST /connectors/:id/test`). */
  runner: RunnerDeps;
  /** Stores audit rows, the concurrent requests' entries in one insert (one writer per app). */
  audit: AuditWriter;
}

/** Who is calling and in which workspace; set by the auth middleware. */
export interface AuthContext {
  workspaceId: string;
  userId: string | null;
  apiKeyId: string | null;
  sessionId: string | null;
}

export interface AppEnv {
  Variables: {
    auth: AuthContext;
    ctx: AppContext;
    /**
     * What the audit entry of this request calls its resource, set by a route whose answer does not
     * name it (a delete's 204, an install's answer being the new connector, not the template).
     */
    auditName?: string;
  };
}
