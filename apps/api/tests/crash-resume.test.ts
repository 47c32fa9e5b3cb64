import { isPostgresReachable } from '@connectors/db/testing';
import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dialectWorld, execute, FAULT_TOKEN, finished, seedWorkspace, until } from './faults/fault-run';
import type { Json } from './support/run-helpers';
import { startServerProcess } from './support/server-process';

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

const api = new MockApi();
let contactCalls = 0;
beforeAll(async () => {
  mockHubspot(api);
  // The first "get contact" never answers: the server is killed while waiting for it.
  api.on(HUBSPOT_ROUTES.contact, (_req, res) => {
    contactCalls++;
    if (contactCalls === 1) return new Promise<void>(() => {});
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ properties: { firstname: 'John' }, associations: { companies: [{ id: 'co_7' }] } }),
    );
  });
  await api.start();
});
afterAll(() => api.stop());

for (const dialect of ['pglite', 'postgres'] as const) {
  (dialect === 'pglite' || postgres ? describe : describe.skip)(
    `a server killed mid-run [${dialect}]`,
    () => {
      it('resumes the run on restart without calling a completed step again', {
        timeout: 240_000,
      }, async () => {
        api.log.length = 0;
        contactCalls = 0;
        // PGlite: the server creates its database (and its encryption key) in DATA_DIR on first start.
        const world = await dialectWorld(dialect);
        try {
          const first = await startServerProcess(world.env);
          const seeded = await seedWorkspace(first, api, 'crash@example.com');
          const id = await execute(first, seeded.cookie, seeded.connectorId, seeded.contactId);
          // Step 1 is persisted and step 2's request is in flight: kill the server without warning.
          await until(async () => {
            const { json } = await call(first, seeded.cookie, 'GET', `/executions/${id}`);
            return json.steps_executed?.length === 1 && contactCalls === 1 ? true : undefined;
          });
          first.child.kill('SIGKILL');
          expect(await first.exited).toBe('SIGKILL');

          const second = await startServerProcess(world.env);
          const done = await finished(second, seeded.cookie, id);
          expect(done.status, JSON.stringify(done)).toBe('success');
          expect(done.attempt).toBe(2);
          expect(done.steps_executed.map((s: Json) => s.step_id)).toEqual([
            'step_1',
            'step_2',
            'step_3',
            'output',
          ]);
          expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
          expect(contactCalls).toBe(2);
          const contact = await call(second, seeded.cookie, 'GET', `/contacts/${seeded.contactId}`);
          expect(contact.json.first_name).toBe('John');

          // A clean stop exits 0 and says so.
          second.child.kill('SIGTERM');
          expect(await second.exited).toBe(0);
          expect(second.output()).toContain('SIGTERM: shutting down');
          expect(first.output() + second.output()).not.toContain(FAULT_TOKEN);
          if (dialect === 'pglite') expect(first.output()).toContain('Generated an encryption key');
        } finally {
          await world.close();
        }
      });
    },
  );
}
