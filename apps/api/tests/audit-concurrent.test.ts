import { randomBytes } from 'node:crypto';
import { QueryCounter } from '@connectors/db';
import { createTestDatabase, isPostgresReachable, type TestDatabase } from '@connectors/db/testing';
import { parseKeyring } from '@connectors/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { type AppRuntime, createAppRuntime } from '../src/app-runtime';
import { loadConfig } from '../src/config';
import { Client } from './support/test-app';

/**
 * Concurrent mutating requests share audit inserts (group commit), yet every one of them is answered only
 * once its own row is stored, with its own actor and resource.
 */

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

for (const dialect of ['pglite', 'postgres'] as const) {
  (dialect === 'pglite' || postgres ? describe : describe.skip)(
    `audit rows of concurrent requests [${dialect}]`,
    () => {
      const counter = new QueryCounter();
      let database: TestDatabase;
      let runtime: AppRuntime;
      let app: ReturnType<typeof createApp>;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
        runtime = createAppRuntime({
          db: database.db.withPlugin(counter),
          config: loadConfig({ DATA_DIR: '.data/test', CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true' }),
          keyring: parseKeyring(`test:${randomBytes(32).toString('base64')}`),
          dialect,
        });
        await runtime.start();
        app = createApp(runtime.ctx);
      });
      afterAll(async () => {
        await runtime?.stop(0);
        await database?.close();
      });

      it('stores the row of each of 20 concurrent requests before answering it', async () => {
        const alice = new Client(app);
        const a = await alice.signup();
        const key = await alice.post('/api-keys', { name: 'concurrent' });
        expect(key.status).toBe(201);
        const byKey = new Client(app, { authorization: `Bearer ${key.json.key}` });
        const bob = new Client(app);
        const b = await bob.signup();
        const existing: string[] = [];
        for (let i = 0; i < 7; i++) {
          existing.push((await alice.post('/contacts', { email: `old${i}@example.com` })).json.id as string);
        }
        const before = new Set(
          (await database.db.selectFrom('audit_log').select('id').execute()).map((r) => r.id),
        );

        const stored = async () =>
          (await database.db.selectFrom('audit_log').selectAll().execute()).filter((r) => !before.has(r.id));
        type Answer = { status: number; json: { id: string } };
        type Actor = { workspace: string; user: string; key: string | null; action: string };
        const sent: { actor: Actor; answer: Promise<Answer> }[] = [];
        /** Sends a request; by the time it is answered, its row must be stored. */
        const send = (actor: Actor, request: () => Promise<Answer>) => {
          const answer = request().then(async (res) => {
            expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
            const rows = await stored();
            expect(rows.some((r) => r.resource_id === res.json.id && r.action === actor.action)).toBe(true);
            return res;
          });
          sent.push({ actor, answer });
        };
        const alicesSession = { workspace: a.workspace.id, user: a.user.id, key: null };
        const alicesKey = { workspace: a.workspace.id, user: a.user.id, key: key.json.id as string };
        const bobsSession = { workspace: b.workspace.id, user: b.user.id, key: null };
        counter.reset();
        for (let i = 0; i < 7; i++) {
          const id = existing[i] as string;
          send({ ...alicesSession, action: 'update' }, () =>
            alice.request('PATCH', `/contacts/${id}`, { first_name: `N${i}` }),
          );
          send({ ...alicesKey, action: 'create' }, () =>
            byKey.post('/contacts', { email: `key${i}@example.com` }),
          );
        }
        for (let i = 0; i < 6; i++) {
          send({ ...bobsSession, action: 'create' }, () =>
            bob.post('/contacts', { email: `bob${i}@example.com` }),
          );
        }
        expect(sent).toHaveLength(20);
        const answers = await Promise.all(sent.map((s) => s.answer));
        const inserts = counter.tally()['insert audit_log'] ?? 0;

        const rows = await stored();
        expect(rows).toHaveLength(20);
        const got = rows
          .map((r) => [
            r.workspace_id,
            r.actor_user_id,
            r.actor_api_key_id,
            r.action,
            r.resource_type,
            r.resource_id,
          ])
          .sort();
        const want = sent
          .map(({ actor }, i) => [
            actor.workspace,
            actor.user,
            actor.key,
            actor.action,
            'contact',
            answers[i]?.json.id,
          ])
          .sort();
        expect(got).toEqual(want);
        // Shared inserts: fewer than one per request (the batching itself is tested in audit-writer.test.ts).
        expect(inserts).toBeGreaterThanOrEqual(1);
        expect(inserts).toBeLessThan(20);
      });
    },
  );
}
