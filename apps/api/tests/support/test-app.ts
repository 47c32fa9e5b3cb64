import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase, type TestDialect } from '@connectors/db/testing';
import { parseKeyring } from '@connectors/runner';
import { createApp } from '../../src/app';
import { type AppRuntime, createAppRuntime } from '../../src/app-runtime';
import { loadConfig } from '../../src/config';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: TestDatabase;
  /** The wired context (worker, event bus, cipher…) behind `app`. */
  runtime: AppRuntime;
  close(): Promise<void>;
}

/** The real app over a fresh, migrated database of the given dialect. */
export async function createTestApp(
  dialect: TestDialect,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ DATA_DIR: '.data/test', CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true', ...env });
  // A throw-away key per app: nothing is written to the data directory.
  const keyring = parseKeyring(`test:${randomBytes(32).toString('base64')}`);
  const runtime = createAppRuntime({ db: database.db, config, keyring, dialect });
  await runtime.start();
  const app = createApp(runtime.ctx);
  return {
    app,
    database,
    runtime,
    close: async () => {
      await runtime.stop(0);
      await database.close();
    },
  };
}

/**
 * A second runtime over the test app's database, as the next start of the process would make it (the
 * test stops the first one itself): its own throw-away key, `env` over `DATA_DIR`, started, and a
 * client carrying `session`'s cookie. Stop `runtime` when done.
 */
export async function restartedApp(
  t: TestApp,
  dialect: TestDialect,
  session: Client,
  env: Record<string, string> = {},
): Promise<{ runtime: AppRuntime; client: Client }> {
  const config = loadConfig({ DATA_DIR: '.data/test', ...env });
  const keyring = parseKeyring(`test:${randomBytes(32).toString('base64')}`);
  const runtime = createAppRuntime({ db: t.database.db, config, keyring, dialect });
  await runtime.start();
  const client = new Client(createApp(runtime.ctx));
  client.cookie = session.cookie;
  return { runtime, client };
}

/** A signed-up user's cookie jar: requests carry the session cookie like a browser would. */
export class Client {
  cookie = '';
  constructor(
    private readonly app: TestApp['app'],
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.headers,
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read whichever fields an answer has
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  delete = (path: string) => this.request('DELETE', path);

  /** Signs up a new user with a unique e-mail and keeps the session. */
  async signup(email = `user-${Math.random().toString(36).slice(2)}@example.com`) {
    const res = await this.post('/auth/signup', { email, password: 'correct horse battery' });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json as { user: { id: string; email: string }; workspace: { id: string } };
  }
}

export const DIALECTS: TestDialect[] = ['pglite', 'postgres'];
