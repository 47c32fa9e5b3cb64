import { isPostgresReachable } from '@connectors/db/testing';
import { HUBSPOT_ROUTES } from '@connectors/runner/testing';
import { describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import {
  call,
  execute,
  FAULT_TOKEN,
  faultWorld,
  finished,
  gate,
  seedWorkspace,
  until,
  useHeldCompanyApi,
} from './fault-run';

/**
 * SIGKILL once two steps' results are stored and the third is waiting on its upstream: on restart the
 * run resumes at the third step; the two stored steps' APIs are not called again. Real server
 * processes, real PostgreSQL.
 */

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

const { api, company } = useHeldCompanyApi();

(postgres ? describe : describe.skip)('killed after a step was saved [postgres]', () => {
  it('resumes at the next step without calling the saved ones again', { timeout: 240_000 }, async () => {
    const world = await faultWorld();
    const held = gate();
    company.hold = held.opened;
    let second: ServerProcess | undefined;
    try {
      const first = await startServerProcess(world.env);
      const { cookie, connectorId, contactId } = await seedWorkspace(first, api, 'kill-saved@example.com');
      const id = await execute(first, cookie, connectorId, contactId);

      // The company request is in flight, and the two steps before it are stored.
      await until(async () => (api.calls(HUBSPOT_ROUTES.company).length > 0 ? true : undefined));
      const stored = await until(async () => {
        const { json } = await call(first, cookie, 'GET', `/executions/${id}`);
        const steps = (json.steps_executed ?? []) as { status: string }[];
        return steps.filter((s) => s.status === 'success').length >= 2 ? steps : undefined;
      });
      expect(stored.length).toBeGreaterThanOrEqual(2);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const row = await world.db
        .selectFrom('connector_executions')
        .select(['status', 'current_step'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('running');

      company.hold = undefined;
      held.open();
      second = await startServerProcess(world.env);
      const done = await finished(second, cookie, id);
      expect(done.status, JSON.stringify(done)).toBe('success');
      expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
      expect(api.calls(HUBSPOT_ROUTES.contact)).toHaveLength(1);
      expect(api.calls(HUBSPOT_ROUTES.company)).toHaveLength(2);
      const contact = await call(second, cookie, 'GET', `/contacts/${contactId}`);
      expect(contact.json).toMatchObject({ first_name: 'John', metadata: { company_name: 'Acme Corp' } });
      expect(first.output() + second.output()).not.toContain(FAULT_TOKEN);
    } finally {
      held.open();
      second?.child.kill('SIGTERM');
      if (second) await second.exited;
      await world.close();
    }
  });
});
