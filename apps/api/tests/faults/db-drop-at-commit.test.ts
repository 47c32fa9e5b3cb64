import { connect, createServer, type Server, type Socket } from 'node:net';
import { isPostgresReachable } from '@connectors/db/testing';
import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { execute, FAULT_TOKEN, faultWorld, finished, seedWorkspace, until } from './fault-run';

/**
 * The database connection drops at the run's final commit — the one statement (or, when the contact
 * changed during the run, the one transaction) that writes the contact and marks the execution
 * finished. The server talks to PostgreSQL through a TCP proxy in this test, which cuts every
 * connection when it sees that statement or a `COMMIT` go by: either before PostgreSQL gets it (nothing
 * is written) or after PostgreSQL committed but before the answer reaches the server (the server does
 * not know it succeeded). Either way nobody may ever see half of it — the contact
 * written while the execution is unfinished, or the reverse — and the run ends `success` once the
 * connections come back, without calling the stored steps' APIs again.
 */

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const postgres = inCi || (await isPostgresReachable());

type CutMode = 'before-commit' | 'after-commit';

/**
 * The run's finishing statement (`finishExecutionWithContact`: its first CTE locks the lease), sent on
 * its own and committed by itself.
 */
const FINISH_WITH_CONTACT = /with "lease" as \(/i;

/** A TCP proxy to PostgreSQL that, once armed, cuts every connection at the next commit. */
class CuttingProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<[Socket, Socket]>();
  private armed: CutMode | undefined;
  cuts: string[] = [];
  /** What the cut connection had sent: the finishing statement, or `BEGIN` … `COMMIT`. */
  cutTransaction = '';
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      let cutOnReply = false;
      let transaction = '';
      const drop = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.on('data', (chunk: Buffer) => {
        if (cutOnReply) return this.cutAll();
        client.write(chunk);
      });
      client.on('data', (chunk: Buffer) => {
        const mode = this.armed;
        const text = chunk.toString('latin1');
        if (/(^|[^a-z_])begin\0/i.test(text)) transaction = '';
        transaction += text;
        // A simple or extended-protocol query whose text is exactly COMMIT, or the one-statement finish.
        const single = FINISH_WITH_CONTACT.test(text);
        if (mode && (single || /(^|[^a-z_])commit\0/i.test(text))) {
          this.armed = undefined;
          this.cuts.push(mode);
          this.cutTransaction = single ? text : transaction;
          if (mode === 'before-commit') return this.cutAll();
          cutOnReply = true;
        }
        upstream.write(chunk);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  arm(mode: CutMode): void {
    this.armed = mode;
  }

  private cutAll(): void {
    for (const [client, upstream] of [...this.pairs]) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const api = new MockApi();
/** Called once the last upstream step has been answered. */
let onLastAnswer: (() => void) | undefined;
beforeAll(async () => {
  mockHubspot(api);
  api.on(HUBSPOT_ROUTES.company, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ properties: { name: 'Acme Corp', industry: 'Technology' } }), () => {
      const armNow = onLastAnswer;
      onLastAnswer = undefined;
      armNow?.();
    });
  });
  await api.start();
});
afterAll(() => api.stop());

for (const mode of ['before-commit', 'after-commit'] as const) {
  (postgres ? describe : describe.skip)(`connection dropped at the final commit, ${mode} [postgres]`, () => {
    it('leaves no partial state and finishes after recovery', { timeout: 240_000 }, async () => {
      api.log.length = 0;
      const world = await faultWorld();
      const target = new URL(world.databaseUrl);
      const proxy = new CuttingProxy({ host: target.hostname, port: Number(target.port || 5432) });
      await proxy.start();
      const throughProxy = new URL(world.databaseUrl);
      throughProxy.port = String(proxy.port);
      let server: ServerProcess | undefined;
      try {
        server = await startServerProcess({ ...world.env, DATABASE_URL: throughProxy.toString() });
        const { cookie, connectorId, contactId } = await seedWorkspace(
          server,
          api,
          `db-drop-${mode}@example.com`,
        );

        // Watch the rows directly (not through the proxy) from the start until the run has finished.
        const seen: { status: string; firstName: string | null }[] = [];
        let watching = true;
        const watch = (async () => {
          while (watching) {
            const row = await world.db
              .selectFrom('connector_executions')
              .innerJoin('contacts', 'contacts.id', 'connector_executions.contact_id')
              .select(['connector_executions.status', 'contacts.first_name'])
              .where('contacts.id', '=', contactId)
              .executeTakeFirst();
            if (row) seen.push({ status: row.status, firstName: row.first_name });
            await new Promise((r) => setTimeout(r, 20));
          }
        })();

        onLastAnswer = () => proxy.arm(mode);
        const id = await execute(server, cookie, connectorId, contactId);
        await until(async () => (proxy.cuts.length > 0 ? true : undefined));
        const done = await finished(server, cookie, id);
        watching = false;
        await watch;

        expect(proxy.cuts).toEqual([mode]);
        // What was cut is the final write: it writes the contact and finishes the execution.
        expect(proxy.cutTransaction).toMatch(/update "contacts"/i);
        expect(proxy.cutTransaction).toMatch(/update "connector_executions"/i);
        expect(done.status, JSON.stringify(done)).toBe('success');
        // Never half of the commit: the contact is written exactly when the execution is finished.
        expect(seen.length).toBeGreaterThan(0);
        for (const sample of seen) {
          expect(sample.firstName === 'John', JSON.stringify(sample)).toBe(sample.status === 'success');
        }
        const contact = await world.db
          .selectFrom('contacts')
          .select(['first_name', 'last_name', 'metadata'])
          .where('id', '=', contactId)
          .executeTakeFirstOrThrow();
        expect(contact).toMatchObject({
          first_name: 'John',
          last_name: 'Smith',
          metadata: { company_name: 'Acme Corp', industry: 'Technology' },
        });
        // The stored steps were not called again after the drop.
        expect(api.calls(HUBSPOT_ROUTES.search)).toHaveLength(1);
        expect(api.calls(HUBSPOT_ROUTES.contact)).toHaveLength(1);
        expect(api.calls(HUBSPOT_ROUTES.company)).toHaveLength(1);
        expect(server.output()).not.toContain(FAULT_TOKEN);
      } finally {
        onLastAnswer = undefined;
        server?.child.kill('SIGTERM');
        if (server) await server.exited;
        await proxy.stop();
        await world.close();
      }
    });
  });
}
