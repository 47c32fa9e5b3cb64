import { z } from 'zod';

/** A task's configuration is missing or malformed: retrying cannot help, the deployment must be fixed. */
export class TaskConfigError extends Error {
  override readonly name = 'TaskConfigError';
}

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, 'is required (the PostgreSQL the API uses)'),
  CONNECTORS_ENCRYPTION_KEY: z.string().min(1, 'is required (the same key the API uses)'),
  CONNECTORS_ALLOW_PRIVATE_NETWORK: bool,
  CONNECTORS_LEASE_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  CONNECTORS_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
});

/** What a Trigger.dev task reads from its environment (set in the Trigger.dev dashboard). */
export interface TaskEnv {
  databaseUrl: string;
  encryptionKey: string;
  allowPrivateNetwork: boolean;
  leaseMs: number;
  dbPoolMax: number;
}

/**
 * Reads the task environment. Unlike the API, a task never generates an encryption key or falls back to
 * PGlite: both must be the API's own, so each is required.
 *
 * @throws TaskConfigError naming each faulty variable (never its value).
 */
export function readTaskEnv(env: Record<string, string | undefined> = process.env): TaskEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new TaskConfigError(`Invalid task environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    encryptionKey: e.CONNECTORS_ENCRYPTION_KEY,
    allowPrivateNetwork: e.CONNECTORS_ALLOW_PRIVATE_NETWORK,
    leaseMs: e.CONNECTORS_LEASE_MS,
    dbPoolMax: e.CONNECTORS_DB_POOL_MAX,
  };
}
