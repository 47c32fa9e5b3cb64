import { isPostgresReachable, type TestDialect } from '@connectors/db/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { createTestApp, type TestApp } from './test-app';

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

export interface ApiSuite {
  readonly dialect: TestDialect;
  readonly app: TestApp['app'];
  readonly t: TestApp;
}

/**
 * Declares an API suite twice: over in-memory PGlite and over a fresh PostgreSQL database. Without a
 * reachable PostgreSQL the second is skipped locally (never in CI, where it fails).
 */
export function describeApi(
  name: string,
  suite: (s: ApiSuite) => void,
  env: Record<string, string> = {},
): void {
  for (const dialect of ['pglite', 'postgres'] as const) {
    (dialect === 'pglite' || postgres ? describe : describe.skip)(`${name} [${dialect}]`, () => {
      let t: TestApp | undefined;
      beforeAll(async () => {
        t = await createTestApp(dialect, env);
      });
      afterAll(async () => {
        await t?.close();
      });
      const ready = () => {
        if (!t) throw new Error('The test app is only ready inside hooks and tests');
        return t;
      };
      suite({
        dialect,
        get app() {
          return ready().app;
        },
        get t() {
          return ready();
        },
      });
    });
  }
}
