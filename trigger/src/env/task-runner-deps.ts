import { createDatabase } from '@connectors/db';
import { createHttpClient } from '@connectors/engine/http';
import {
  createCredentialCipher,
  KeyringError,
  parseKeyring,
  type RunnerDeps,
  type RunnerLogger,
} from '@connectors/runner';
import { readTaskEnv, TaskConfigError } from './task-env';

type TaskDeps = { deps: RunnerDeps; close(): Promise<void> };

let cached: Promise<TaskDeps> | undefined;

/**
 * The runner's dependencies inside a Trigger.dev worker, built once per process from the environment
 * and reused by every run of a warm process: the PostgreSQL pool (`DATABASE_URL`), the guarded HTTP
 * client and the credential cipher (`CONNECTORS_ENCRYPTION_KEY`).
 *
 * @throws TaskConfigError when a variable is missing or the key is malformed.
 */
export async function taskRunnerDeps(logger: RunnerLogger): Promise<RunnerDeps> {
  cached ??= build(logger).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return (await cached).deps;
}

/** Closes the process's pool and HTTP client (tests; a worker process simply exits). */
export async function closeTaskRunnerDeps(): Promise<void> {
  const current = cached;
  cached = undefined;
  await (await current?.catch(() => undefined))?.close();
}

async function build(logger: RunnerLogger): Promise<TaskDeps> {
  const env = readTaskEnv();
  let keyring: ReturnType<typeof parseKeyring>;
  try {
    keyring = parseKeyring(env.encryptionKey);
  } catch (error) {
    if (error instanceof KeyringError) throw new TaskConfigError(error.message);
    throw error;
  }
  const database = await createDatabase({ databaseUrl: env.databaseUrl, poolMax: env.dbPoolMax });
  const http = createHttpClient({ allowPrivateNetwork: env.allowPrivateNetwork });
  return {
    deps: { db: database.db, http, cipher: createCredentialCipher(keyring), leaseMs: env.leaseMs, logger },
    async close() {
      await http.close();
      await database.close();
    },
  };
}
