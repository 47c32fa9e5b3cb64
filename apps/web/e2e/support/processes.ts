import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const API_DIR = join(WEB_DIR, '..', 'api');
export const REPO_DIR = join(WEB_DIR, '..', '..');

/** A TCP port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx, or fails after `timeoutMs` (the embedded database needs a while). */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`the process exited (${child.exitCode}) before ${url} answered`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface RunningApi {
  url: string;
  logs: string[];
  stop: () => Promise<void>;
}

/**
 * Starts the real API server (`tsx ../api/src/server.ts`) on a free port over a throw-away `DATA_DIR`,
 * with private addresses allowed so it can call the local mock API.
 */
export async function startApi(): Promise<RunningApi> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'connectors-e2e-'));
  const logs: string[] = [];
  // The embedded database and the local worker: never a developer's PostgreSQL or Trigger.dev.
  const {
    DATABASE_URL: _db,
    TRIGGER_SECRET_KEY: _trigger,
    CONNECTORS_ENCRYPTION_KEY: _key,
    ...env
  } = process.env;
  const child = spawn(
    process.execPath,
    [join(API_DIR, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/server.ts'],
    {
      cwd: API_DIR,
      env: {
        ...env,
        PORT: String(port),
        DATA_DIR: dataDir,
        CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
        CONNECTORS_RATE_LIMIT_PER_MINUTE: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => logs.push(String(d)));
  child.stderr?.on('data', (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${url}/healthz`, 120_000, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${logs.join('')}`);
  }
  return { url, logs, stop };
}
