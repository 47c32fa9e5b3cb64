/**
 * API benchmark: the seed's 3-step connector executed through the real HTTP API (execute → local worker →
 * runner → engine → a 0 ms mock on 127.0.0.1 → every node persisted → contact updated), at 1, 10 and 100
 * executions in flight, on PGlite and on PostgreSQL. Writes docs/benchmarks.md.
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Database, QueryCounter } from '@connectors/db';
import { createTestDatabase, isPostgresReachable, type TestDialect } from '@connectors/db/testing';
import { seedHubspotConnector } from '@connectors/engine/testing';
import { parseKeyring } from '@connectors/runner';
import { serve } from '@hono/node-server';
import { type Kysely, sql } from 'kysely';
import { Agent, request } from 'undici';
import { machineLine, writeBenchSection } from '../../../bench/report';
import { createApp } from '../src/app';
import { createAppRuntime } from '../src/app-runtime';
import { loadConfig } from '../src/config';

const LEVELS = (process.env.BENCH_LEVELS ?? '1,10,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP = 300;
/** `BENCH_DIALECTS=pglite` to measure one database (default: PGlite, and PostgreSQL when reachable). */
const ONLY = process.env.BENCH_DIALECTS?.split(',');

/** The mock upstream in a child process (bench/mock-upstream.mjs); resolves with its base URL. */
async function mockHubspot(): Promise<{ url: string; close(): void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./mock-upstream.mjs', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  return { url, close: () => child.kill() };
}

/**
 * The machine's CPU time so far (all processes, all cores), in ms: `busy` (user, system, interrupts),
 * `stolen` (the hypervisor ran something else while this machine wanted to run: not our work, and
 * not counted as busy) and `all`.
 */
function machineTimes(): { busy: number; stolen: number; all: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    fields.map(Number);
  const ms = (ticks: number) => (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  const busy = user + nice + system + irq + softirq;
  return { busy: ms(busy), stolen: ms(steal), all: ms(busy + steal + idle + iowait) };
}

/** The seed's connector pointed at the mock, with the input it needs declared. */
function seedConnector(base: string) {
  return {
    ...seedHubspotConnector(base),
    input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
  };
}

interface LevelResult {
  concurrency: number;
  executions: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Statements the API process sent per execution (BEGIN/COMMIT not included). */
  statements: number;
  /** CPU time of this process per execution (API, worker, runner, client; and PGlite itself). */
  cpuMs: number;
  /** CPU time of the whole machine per execution: this process, the mock, PostgreSQL's server, the rest. */
  machineMs: number;
  /** Share of the machine's CPU time the hypervisor gave to something else during the level. */
  stolenPercent: number;
  /** The machine's 1-minute load average at the end of the level (2 cores shared with other work). */
  load: number;
  /** Where the latency went, p50 and p95 of each phase in ms (see `phases`). */
  phases: Phases;
}

/** `execute` request → 202; 202's row created → claimed by the worker; claimed → finished. */
interface Phases {
  request: [number, number];
  waiting: [number, number];
  running: [number, number];
}

async function benchDialect(dialect: TestDialect): Promise<LevelResult[]> {
  const database = await createTestDatabase(dialect);
  const counter = new QueryCounter();
  const config = loadConfig({
    DATA_DIR: '.data/bench',
    CONNECTORS_ALLOW_PRIVATE_NETWORK: 'true',
    CONNECTORS_RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const runtime = createAppRuntime({
    db: database.db.withPlugin(counter),
    config,
    keyring: parseKeyring(`bench:${randomBytes(32).toString('base64')}`),
    dialect,
  });
  await runtime.start();
  const app = createApp(runtime.ctx);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const mock = await mockHubspot();

  // The client sends with undici's `request` on kept-alive connections (as autocannon would), which
  // costs this process less than `fetch` and so leaves more of it to what is being measured.
  const client = new Agent({ keepAliveTimeout: 60_000, connections: 128 });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await request(`${api}${path}`, {
      method: method as 'GET' | 'POST',
      dispatcher: client,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.body.json()) as Record<string, unknown>;
    if (res.statusCode >= 400)
      throw new Error(`${method} ${path}: ${res.statusCode} ${JSON.stringify(json)}`);
    const setCookie = res.headers['set-cookie'];
    return { json, cookie: (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] };
  };
  const signup = await call('POST', '/auth/signup', {
    email: `bench-${Date.now()}@example.com`,
    password: 'correct horse battery',
  });
  const cookie = signup.cookie!;
  const key = (await call('POST', '/api-keys', { name: 'bench' }, { cookie })).json.key as string;
  const auth = { authorization: `Bearer ${key}` };
  await call(
    'POST',
    '/workspace/credentials',
    { service: 'hubspot', credentials: { token: 'pat-bench' } },
    auth,
  );
  const connectorId = (await call('POST', '/connectors', seedConnector(mock.url), auth)).json.id as string;
  const contacts: string[] = [];
  for (let i = 0; i < Math.max(...LEVELS); i++) {
    contacts.push((await call('POST', '/contacts', { email: `c${i}@acme.com` }, auth)).json.id as string);
  }

  // Completion is observed on the worker's event bus: what an SSE client would see, without polling
  // load. A run can finish before its `execute` answer arrives, so early ends are kept until claimed.
  const waiters = new Map<string, (status: string) => void>();
  const early = new Map<string, string>();
  runtime.ctx.events.subscribeAll((event) => {
    if (event.type !== 'run.finished') return;
    const waiter = waiters.get(event.executionId);
    if (waiter) waiter(event.status);
    else early.set(event.executionId, event.status);
  });
  const requestMs: number[] = [];
  const one = async (contactId: string): Promise<number> => {
    const started = performance.now();
    const { json } = await call('POST', `/connectors/${connectorId}/execute`, { contactId }, auth);
    requestMs.push(performance.now() - started);
    const id = json.executionId as string;
    const status = early.get(id) ?? (await new Promise<string>((resolve) => waiters.set(id, resolve)));
    early.delete(id);
    waiters.delete(id);
    if (status !== 'success') throw new Error(`run ${id} ended ${status}`);
    return performance.now() - started;
  };

  // A server measured warm: 300 executions, 10 at a time, before the first level (otherwise the first
  // level measures the JIT compiling the code paths), then a round at each level's own concurrency.
  await Promise.all(
    contacts.slice(0, 10).map(async (contactId) => {
      for (let i = 0; i < WARM_UP / 10; i++) await one(contactId);
    }),
  );
  // …whose planner has statistics, as a running server's has (PostgreSQL's autovacuum analyzes after a
  // minute; the local worker analyzes PGlite after its first 100 runs).
  await sql`ANALYZE`.execute(database.db);
  const results: LevelResult[] = [];
  for (const concurrency of LEVELS) {
    await Promise.all(contacts.slice(0, concurrency).map((c) => one(c))); // warm-up
    counter.reset();
    requestMs.length = 0;
    const since = (await sql<{ now: Date }>`select clock_timestamp() as now`.execute(database.db)).rows[0]!
      .now;
    const cpu = process.cpuUsage();
    const machine = machineTimes();
    const latencies: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const t0 = performance.now();
    await Promise.all(
      contacts.slice(0, concurrency).map(async (contactId) => {
        while (performance.now() < deadline) latencies.push(await one(contactId));
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => percentile(latencies, p);
    const phases = await phasesOf(database.db, since, requestMs);
    results.push({
      concurrency,
      executions: latencies.length,
      perSecond: latencies.length / elapsed,
      p50: pct(0.5),
      p95: pct(0.95),
      p99: pct(0.99),
      statements: counter.total / latencies.length,
      cpuMs: (() => {
        const used = process.cpuUsage(cpu);
        return (used.user + used.system) / 1000 / latencies.length;
      })(),
      machineMs: (machineTimes().busy - machine.busy) / latencies.length,
      stolenPercent: (() => {
        const now = machineTimes();
        return (100 * (now.stolen - machine.stolen)) / Math.max(1, now.all - machine.all);
      })(),
      load: loadavg()[0] ?? 0,
      phases,
    });
    console.log(dialect, results.at(-1));
  }

  mock.close();
  await client.close();
  server.close();
  await runtime.stop(0);
  await database.close();
  return results;
}

/** The value at fraction `p` (0.95: p95) of ascending `sorted`; 0 when it is empty. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * The level's phases: the request's own time (client side), and from the database, for the runs created
 * since `since`, the wait for a worker slot (`started_at - created_at`) and the run (`completed_at -
 * started_at`).
 */
async function phasesOf(db: Kysely<Database>, since: Date, requestMs: number[]): Promise<Phases> {
  const { rows } = await sql<{ waiting: number[]; running: number[] }>`
    SELECT
      percentile_cont(array[0.5, 0.95]) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - created_at) * 1000) AS waiting,
      percentile_cont(array[0.5, 0.95]) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at) * 1000) AS running
    FROM connector_executions WHERE created_at >= ${since} AND completed_at IS NOT NULL`.execute(db);
  const sorted = [...requestMs].sort((a, b) => a - b);
  const pair = (values: number[] | undefined): [number, number] => [values?.[0] ?? 0, values?.[1] ?? 0];
  return {
    request: [percentile(sorted, 0.5), percentile(sorted, 0.95)],
    waiting: pair(rows[0]?.waiting),
    running: pair(rows[0]?.running),
  };
}

const dialects: TestDialect[] = ['pglite'];
if (await isPostgresReachable()) dialects.push('postgres');
if (ONLY) dialects.splice(0, dialects.length, ...dialects.filter((d) => ONLY.includes(d)));
const rows: string[] = [];
const phaseRows: string[] = [];
const ms = ([p50, p95]: [number, number]) => `${p50.toFixed(0)} / ${p95.toFixed(0)}`;
for (const dialect of dialects) {
  for (const r of await benchDialect(dialect)) {
    phaseRows.push(
      `| ${dialect} | ${r.concurrency} | ${ms(r.phases.request)} | ${ms(r.phases.waiting)} | ${ms(r.phases.running)} |`,
    );
    rows.push(
      `| ${dialect} | ${r.concurrency} | ${r.executions} | **${r.perSecond.toFixed(0)}** | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.statements.toFixed(1)} | ${r.cpuMs.toFixed(1)} | ${r.machineMs.toFixed(1)} | ${r.stolenPercent.toFixed(0)}% | ${r.load.toFixed(1)} |`,
    );
  }
}
const md = `## API (\`pnpm --filter @connectors/api bench\`)

${machineLine()}; ${SECONDS} s per level, after ${WARM_UP} warm-up executions and a warm-up round per level; worker concurrency ${loadConfig({}).workerConcurrency} (\`CONNECTORS_WORKER_CONCURRENCY\`), at most ${loadConfig({}).workspaceConcurrency ?? 'any number'} of them for one workspace (\`CONNECTORS_WORKSPACE_CONCURRENCY\`; every execution here is in one workspace).
Each execution goes through the real HTTP API with an API key (\`POST /connectors/:id/execute\` → 202), the
local worker claims it, the runner runs the seed's 3-step chain against a 0 ms mock on 127.0.0.1 (its own
process, \`bench/mock-upstream.mjs\`, as an upstream API would be), persists
each node's result as its own row, and commits the contact update (the mock answers a new first name every
time, so every run really writes its contact and the contact's history), counters and final status.
Latency is from the \`execute\` request to the run's \`run.finished\` event. *Statements* are those the API
process sent per execution (counted by \`QueryCounter\`; BEGIN/COMMIT of a transaction, when one is
needed, not included). *CPU* is this process's CPU time per execution: API, worker, runner and benchmark
client — and, for \`pglite\`, the database itself; PostgreSQL's server processes are not in it.
*Machine CPU* is what the whole machine spent per execution (every process: this one, the mock,
PostgreSQL's server processes, anything else running), from \`/proc/stat\`. *Stolen* is the share of
the machine's CPU time the hypervisor gave to other machines during the level (this is a virtual machine;
not counted as machine CPU, but it slows everything down). *Load* is
the machine's 1-minute load average at the end of the level: the machine has 2 cores, so anything above 2
means the numbers were measured while other work ran.

| database | in flight | executions | executions/s | p50 ms | p95 ms | p99 ms | statements / execution | CPU ms / execution | machine CPU ms / execution | stolen | load (1 min) |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Where the latency goes, p50 / p95 in ms of each phase: the \`execute\` request until its 202 (client side),
then from the database the wait for a worker slot (\`started_at - created_at\`) and the run itself
(\`completed_at - started_at\`). The phases of one execution do not add up exactly (each percentile is
taken on its own), but they show where time is spent: at 100 in flight, mostly waiting for a slot.

| database | in flight | request | waiting for a slot | running |
|---|---|---|---|---|
${phaseRows.join('\n')}

For scale (same 3-call chain, this kind of machine): n8n 2.41 about 20 chains/s (60 in n8n 2.8), Node-RED
about 600 chains/s while persisting nothing.
`;
writeBenchSection('api', md);
console.log(md);
process.exit(0);
