import { isPostgresReachable } from '@connectors/db/testing';
import { HUBSPOT_ROUTES } from '@connectors/runner/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import {
  call,
  execute,
  faultWorld,
  finished,
  gate,
  seedWorkspace,
  until,
  useHeldCompanyApi,
} from './fault-run';

/**
 * SIGTERM while a run waits on its upstream (`src/server.ts`): the server stops taking requests and
 * claims (a queued run stays queued), gives the run a grace period, then hands its lease back and
 * exits 0. Nothing is left
 * `running` under a live lease, and the next start finishes the run without calling the stored steps
 * again. If the upstream answers within the grace period, the run simply finishes before the exit.
 */

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

const { api, company } = useHeldCompanyApi();

(postgres ? describe : describe.skip)('SIGTERM during a run [postgres]', () => {
  it('hands the lease back, exits 0, and the next start finishes the run', { timeout: 240_000 }, async () => {
    api.log.length = 0;
    const world = await faultWorld();
    const held = gate();
    company.hold = held.opened;
    let second: ServerProcess | undefined;
    try {
      // One worker slot: a second run waits in the queue behind the first.
      const env = { ...world.env, CONNECTORS_WORKER_CONCURRENCY: '1' };
      const first = await startServerProcess(env);
      const { cookie, connectorId, contactId } = await seedWorkspace(first, api, 'sigterm@example.com');
      const id = await execute(first, cookie, connectorId, contactId);
      await until(async () => (api.calls(HUBSPOT_ROUTES.company).length > 0 ? true : undefined));
      const queued = await execute(first, cookie, connectorId, contactId);

      first.child.kill('SIGTERM');
      // The upstream never answers: the grace period runs out and the run is interrupted.
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('SIGTERM: shutting down');
      const row = await world.db
        .selectFrom('connector_executions')
        .select([
          'status',
          'leased_by',
          sql<boolean>`lease_expires_at is null or lease_expires_at <= now()`.as('free'),
        ])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      // Either back in the queue or still marked running, but under a lease that has already ended.
      expect(['pending', 'running']).toContain(row.status);
      expect(row.free).toBe(true);
      // Claiming stopped with the shutdown: the slot the interrupted run freed was not filled.
      const waiting = await world.db
        .selectFrom('connector_executions')
        .select(['status', 'leased_by'])
        .where('id', '=', queued)
        .executeTakeFirstOrThrow();
      expect(waiting).toEqual({ status: 'pending', leased_by: null });
      expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);

      company.hold = undefined;
      held.open();
      second = await startServerProcess(env);
      const done = await finished(second, cookie, id);
      expect(done.status, JSON.stringify(done)).toBe('success');
      expect((await finished(second, cookie, queued)).status).toBe('success');
      // The interrupted run called only its unfinished step again; the queued one ran once.
      expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(2);
      expect(api.calls(HUBSPOT_ROUTES.contact)).toHaveLength(2);
      expect(api.calls(HUBSPOT_ROUTES.company)).toHaveLength(3);
    } finally {
      held.open();
      second?.child.kill('SIGTERM');
      if (second) await second.exited;
      await world.close();
    }
  });

  it('lets a run whose upstream answers within the grace period finish before exiting', {
    timeout: 240_000,
  }, async () => {
    api.log.length = 0;
    const world = await faultWorld();
    const held = gate();
    company.hold = held.opened;
    try {
      const first = await startServerProcess(world.env);
      const { cookie, connectorId, contactId } = await seedWorkspace(first, api, 'sigterm-grace@example.com');
      const id = await execute(first, cookie, connectorId, contactId);
      await until(async () => (api.calls(HUBSPOT_ROUTES.company).length > 0 ? true : undefined));

      first.child.kill('SIGTERM');
      await until(async () => (first.output().includes('SIGTERM: shutting down') ? true : undefined));
      // New requests are refused once it is shutting down.
      await expect(call(first, cookie, 'GET', `/executions/${id}`)).rejects.toThrow();
      held.open();
      expect(await first.exited).toBe(0);
      const row = await world.db
        .selectFrom('connector_executions')
        .select(['status'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('success');
      const contact = await world.db
        .selectFrom('contacts')
        .select(['first_name', 'metadata'])
        .where('id', '=', contactId)
        .executeTakeFirstOrThrow();
      expect(contact).toMatchObject({ first_name: 'John', metadata: { company_name: 'Acme Corp' } });
      expect(api.calls(HUBSPOT_ROUTES.company)).toHaveLength(1);
    } finally {
      held.open();
      await world.close();
    }
  });
});
