import { isPostgresReachable } from '@connectors/db/testing';
import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { dialectWorld, execute, FAULT_TOKEN, finished, seedWorkspace } from './fault-run';

/**
 * The worst moment to die: the upstream has answered a step, but the server is SIGKILLed before it
 * stores the result. On restart the run resumes and calls that step once more — with the same
 * `Idempotency-Key: <executionId>:<stepId>`, so a provider that honours the header does the work once —
 * and never calls the steps it had stored. Real server processes, real PGlite / PostgreSQL.
 */

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

const api = new MockApi();
/** Set while the test wants the server killed the moment the contact step's answer has been sent. */
let killOnAnswer: (() => void) | undefined;
beforeAll(async () => {
  mockHubspot(api);
  api.on(HUBSPOT_ROUTES.contact, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ properties: { firstname: 'John' }, associations: { companies: [{ id: 'co_7' }] } }),
      () => {
        const kill = killOnAnswer;
        killOnAnswer = undefined;
        kill?.();
      },
    );
  });
  await api.start();
});
afterAll(() => api.stop());

for (const dialect of ['pglite', 'postgres'] as const) {
  (dialect === 'pglite' || postgres ? describe : describe.skip)(
    `killed after a response [${dialect}]`,
    () => {
      it('re-runs that one step with the same Idempotency-Key', { timeout: 240_000 }, async () => {
        api.log.length = 0;
        const world = await dialectWorld(dialect);
        let second: ServerProcess | undefined;
        try {
          const first = await startServerProcess(world.env);
          const { cookie, connectorId, contactId } = await seedWorkspace(
            first,
            api,
            `kill-${dialect}@example.com`,
          );
          killOnAnswer = () => first.child.kill('SIGKILL');
          const id = await execute(first, cookie, connectorId, contactId);
          expect(await first.exited).toBe('SIGKILL');

          second = await startServerProcess(world.env);
          const done = await finished(second, cookie, id);
          expect(done.status, JSON.stringify(done)).toBe('success');
          // The stored first step was not called again; the unsaved one was, once, with the same key.
          expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
          const contactCalls = api.calls(HUBSPOT_ROUTES.contact);
          expect(contactCalls.length).toBeGreaterThanOrEqual(1);
          expect(contactCalls.length).toBeLessThanOrEqual(2);
          const stepId = done.steps_executed[1].step_id;
          for (const request of contactCalls)
            expect(request.headers['idempotency-key']).toBe(`${id}:${stepId}`);
          expect(first.output() + second.output()).not.toContain(FAULT_TOKEN);
        } finally {
          second?.child.kill('SIGTERM');
          if (second) await second.exited;
          await world.close();
        }
      });
    },
  );
}
