/**
 * Engine benchmark: the seed's 3-step chain against a local 0 ms server, engine vs the same three
 * hand-written fetch calls, and a 3-branch parallel graph vs its critical path. Writes docs/benchmarks.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { machineLine, writeBenchSection } from '../../../bench/report';
import { graphSchema } from '../src/graph';
import { createHttpClient } from '../src/http';
import { type EnginePorts, runGraph, systemClock } from '../src/runtime';
import { convertSeedConnector } from '../src/seed';
import { seedHubspotConnector } from '../src/testing';

const server = createServer((req, res) => {
  const delay = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
  req.resume();
  req.on('end', () => {
    const body = req.url?.includes('/search')
      ? { results: [{ id: 'c1' }] }
      : req.url?.includes('/contacts/')
        ? {
            properties: { firstname: 'John', lastname: 'Smith' },
            associations: { companies: [{ id: 'co1' }] },
          }
        : { properties: { name: 'Acme', industry: 'Technology' } };
    const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    delay ? setTimeout(send, delay) : send();
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const seed = convertSeedConnector(seedHubspotConnector(base));
if (!seed.ok) throw new Error('seed conversion failed');
const chain = seed.config;

const ports: EnginePorts = {
  http: createHttpClient({ allowPrivateNetwork: true }),
  clock: systemClock,
  secrets: { resolve: async () => ({ value: 'pat-bench-token' }) },
  recorder: { nodeFinished: () => {} },
};

async function engineChain(i: number) {
  const r = await runGraph({
    graph: chain,
    ports,
    run: { executionId: `b${i}`, attempt: 1 },
    input: { email: 'john@acme.com' },
  });
  if (r.status !== 'success') throw new Error(`run ${r.status}: ${r.error?.message}`);
}

async function handWritten() {
  const headers = { authorization: 'Bearer pat-bench-token', 'content-type': 'application/json' };
  const s = (await (
    await fetch(`${base}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'john@acme.com' }] }],
      }),
    })
  ).json()) as { results: { id: string }[] };
  const c = (await (
    await fetch(`${base}/crm/v3/objects/contacts/${encodeURIComponent(s.results[0]!.id)}`, { headers })
  ).json()) as {
    properties: { firstname: string };
    associations: { companies: { id: string }[] };
  };
  const co = (await (
    await fetch(`${base}/crm/v3/objects/companies/${c.associations.companies[0]!.id}`, { headers })
  ).json()) as {
    properties: { name: string };
  };
  if (!co.properties.name || !c.properties.firstname) throw new Error('bad');
}

async function timeIt(n: number, fn: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < 200; i++) await fn(i); // warm-up: JIT, connection pool, expression cache
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn(i);
    samples.push((performance.now() - t0) / n);
  }
  samples.sort((a, b) => a - b);
  return samples[2]!; // median of five rounds
}

const N = Number(process.env.BENCH_ITERATIONS ?? 1000);
const baseline = await timeIt(N, handWritten);
const engine = await timeIt(N, engineChain);
const perStep = (engine - baseline) / 3;

const DELAY = 100;
const parallel = graphSchema.parse({
  version: 1,
  nodes: [
    ...['a', 'b', 'c'].map((id) => ({
      id,
      type: 'http',
      data: { url: `${base}/companies/${id}?delay=${DELAY}` },
    })),
    { id: 'out', type: 'output', data: { fieldMappings: { 'metadata.x': '{{a.n & b.n & c.n}}' } } },
  ],
  edges: ['a', 'b', 'c'].map((s) => ({
    id: `e_${s}`,
    source: s,
    target: 'out',
    data: { mapping: { n: 'properties.name' } },
  })),
});
const parallelMs = await timeIt(20, async (i) => {
  const r = await runGraph({ graph: parallel, ports, run: { executionId: `p${i}`, attempt: 1 } });
  if (r.status !== 'success') throw new Error(r.status);
});
const overParallel = (parallelMs / DELAY - 1) * 100;

server.close();
const rows = [
  ['hand-written `fetch` ×3 (baseline)', `${baseline.toFixed(3)} ms / chain`],
  ['engine, seed 3-step chain', `${engine.toFixed(3)} ms / chain (×${(engine / baseline).toFixed(2)})`],
  ['engine overhead per step', `**${perStep.toFixed(3)} ms** (target < 0.3 ms)`],
  [
    `3 parallel ${DELAY} ms branches + output`,
    `${parallelMs.toFixed(1)} ms (critical path ${DELAY} ms: +${overParallel.toFixed(1)}%, target < 10%)`,
  ],
];
const md = `## Engine (\`pnpm --filter @connectors/engine bench\`)

${machineLine()}; ${N} chains × 5 rounds, median round, after 200 warm-up chains.
The engine run includes everything a real run does except persistence: templating, JSONata mappings, secret
resolution and masking, the outbound address guard, and the recorder call per node.

| measure | result |
|---|---|
${rows.map((r) => `| ${r[0]} | ${r[1]} |`).join('\n')}
`;
writeBenchSection('engine', md);
console.log(md);
