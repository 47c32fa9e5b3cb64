import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/**
 * Runs the local worker holds at once unless configured. A run spends nearly all its time waiting on
 * upstream APIs, so slots are cheap; and concurrent runs share their database writes (group commit), so
 * more of them cost less CPU each: 32 runs of one workspace at once make ~20% more executions per second
 * than 10 on the same two cores (docs/benchmarks.md).
 */
export const DEFAULT_WORKER_CONCURRENCY = 48;

/**
 * Runs of one workspace the local worker holds at once unless configured: below the default worker
 * concurrency, so one workspace's burst leaves slots for the others. `0` turns the cap off.
 */
export const DEFAULT_WORKSPACE_CONCURRENCY = 32;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  CONNECTORS_ENCRYPTION_KEY: z.string().optional(),
  TRIGGER_SECRET_KEY: z.string().optional(),
  TRIGGER_API_URL: z.string().url().optional(),
  CONNECTORS_ALLOW_PRIVATE_NETWORK: bool,
  CONNECTORS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(100),
  EXECUTIONS_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  CONNECTORS_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  CONNECTORS_WEB_DIST: z.string().optional(),
  CONNECTORS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(DEFAULT_WORKER_CONCURRENCY),
  CONNECTORS_WORKSPACE_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(0)
    .max(256)
    .default(DEFAULT_WORKSPACE_CONCURRENCY),
  CONNECTORS_LEASE_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  CONNECTORS_WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
});

/** The app's configuration, read from the environment once at start (DESIGN §8). */
export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  encryptionKey: string | undefined;
  triggerSecretKey: string | undefined;
  /** Trigger.dev's API (default the cloud); a self-hosted instance sets `TRIGGER_API_URL`. */
  triggerApiUrl: string | undefined;
  allowPrivateNetwork: boolean;
  rateLimitPerMinute: number;
  retentionDays: number;
  maxBodyBytes: number;
  workerConcurrency: number;
  /**
   * Runs of one workspace the local worker holds at once (`CONNECTORS_WORKSPACE_CONCURRENCY`, default
   * 32); `undefined` when set to 0 (no cap). A cap not below `workerConcurrency` caps nothing.
   */
  workspaceConcurrency: number | undefined;
  /** How long a worker's claim on a running execution lasts before another may resume it. */
  leaseMs: number;
  /** How often the local worker looks for pending executions when nothing woke it. */
  workerPollMs: number;
  /** The built web app to serve (default `apps/web/dist`). */
  webDistDir: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.TRIGGER_SECRET_KEY && !e.DATABASE_URL) {
    throw new ConfigError(
      'TRIGGER_SECRET_KEY needs DATABASE_URL: the embedded database lives inside this process, where Trigger.dev workers cannot reach it',
    );
  }
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    // Relative to where the command was typed (pnpm sets INIT_CWD), so `pnpm start` at the root uses ./.data.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    encryptionKey: e.CONNECTORS_ENCRYPTION_KEY,
    triggerSecretKey: e.TRIGGER_SECRET_KEY,
    triggerApiUrl: e.TRIGGER_API_URL,
    allowPrivateNetwork: e.CONNECTORS_ALLOW_PRIVATE_NETWORK,
    rateLimitPerMinute: e.CONNECTORS_RATE_LIMIT_PER_MINUTE,
    retentionDays: e.EXECUTIONS_RETENTION_DAYS,
    maxBodyBytes: e.CONNECTORS_MAX_BODY_BYTES,
    workerConcurrency: e.CONNECTORS_WORKER_CONCURRENCY,
    workspaceConcurrency:
      e.CONNECTORS_WORKSPACE_CONCURRENCY === 0 ? undefined : e.CONNECTORS_WORKSPACE_CONCURRENCY,
    leaseMs: e.CONNECTORS_LEASE_MS,
    workerPollMs: e.CONNECTORS_WORKER_POLL_MS,
    webDistDir: e.CONNECTORS_WEB_DIST ? resolve(e.CONNECTORS_WEB_DIST) : undefined,
  };
}
