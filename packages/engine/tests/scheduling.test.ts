import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphInput, graphSchema } from '../src/graph';
import { MockApi } from '../src/testing';
import { run, testPorts } from './support/harness';

const api = new MockApi();
beforeAll(async () => {
  api
    .on('GET /found', () => ({ json: { results: [{ id: 'abc' }] } }))
    .on('GET /empty', () => ({ json: { results: [] } }))
    .on('GET /slow/a', () => ({ json: { v: 'a' }, delayMs: 200 }))
    .on('GET /slow/b', () => ({ json: { v: 'b' }, delayMs: 200 }))
    .on('GET /slow/c', () => ({ json: { v: 'c' }, delayMs: 200 }))
    .on('GET /fail', () => ({ status: 404, json: { message: 'nope' } }))
    .on('POST /create', (req) => ({ json: { created: req.json } }))
    .on('GET /contact/abc', () => ({ json: { name: 'Ada' } }));
  await api.start();
});
afterAll(() => api.stop());

const http = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'http' as const,
  position: { x: 0, y: 0 },
  data: { name: id, method: 'GET', url, ...extra },
});
const graph = (g: GraphInput) => graphSchema.parse(g);

describe('conditional branches', () => {
  const conditional = (path: string) =>
    graph({
      version: 1,
      nodes: [
        http('search', `${api.url}${path}`),
        {
          id: 'found',
          type: 'condition',
          position: { x: 0, y: 0 },
          data: { name: 'Found?', expression: '$exists(search.id)' },
        },
        http('get', `${api.url}/contact/{{found.id}}`),
        http('create', `${api.url}/create`, { method: 'POST', body: { email: '{{input.email}}' } }),
      ],
      edges: [
        { id: 'e1', source: 'search', target: 'found', data: { mapping: { id: 'results[0].id' } } },
        {
          id: 'e2',
          source: 'found',
          sourceHandle: 'true',
          target: 'get',
          data: { mapping: { id: 'search.id' } },
        },
        { id: 'e3', source: 'found', sourceHandle: 'false', target: 'create' },
      ],
    });

  it('never calls the branch that was not taken', async () => {
    api.log.length = 0;
    const ports = testPorts();
    const result = await run({ graph: conditional('/found'), ports, input: { email: 'a@b.c' } });
    expect(result.status).toBe('success');
    expect(api.log.map((r) => r.path)).toEqual(['/found', '/contact/abc']);
    const byId = Object.fromEntries(ports.recorder.finished.map((r) => [r.nodeId, r]));
    expect(byId.found?.handle).toBe('true');
    expect(byId.create?.status).toBe('skipped');
    expect(byId.get?.status).toBe('success');
  });

  it('takes the false branch when the search found nothing', async () => {
    api.log.length = 0;
    const ports = testPorts();
    const result = await run({ graph: conditional('/empty'), ports, input: { email: 'a@b.c' } });
    expect(result.status).toBe('success');
    expect(api.log.map((r) => r.path)).toEqual(['/empty', '/create']);
    expect(api.calls('POST /create')[0]?.json).toEqual({ email: 'a@b.c' });
  });
});

describe('parallel branches', () => {
  it('runs three independent 200 ms calls at once: the run takes its critical path, not the sum', async () => {
    const g = graph({
      version: 1,
      nodes: [
        http('a', `${api.url}/slow/a`),
        http('b', `${api.url}/slow/b`),
        http('c', `${api.url}/slow/c`),
        {
          id: 'out',
          type: 'output',
          position: { x: 0, y: 0 },
          data: { name: 'Out', fieldMappings: { 'metadata.v': '{{a.v & b.v & c.v}}' } },
        },
      ],
      edges: ['a', 'b', 'c'].map((s) => ({
        id: `e_${s}`,
        source: s,
        target: 'out',
        data: { mapping: { v: 'v' } },
      })),
    });
    const started = Date.now();
    const result = await run({ graph: g, ports: testPorts() });
    const elapsed = Date.now() - started;
    expect(result.status).toBe('success');
    expect(result.outputData).toEqual({ 'metadata.v': 'abc' });
    expect(elapsed).toBeLessThan(600);
  });

  it('keeps at most maxParallel requests in flight', async () => {
    const g = graph({
      version: 1,
      nodes: [http('a', `${api.url}/slow/a`), http('b', `${api.url}/slow/b`), http('c', `${api.url}/slow/c`)],
      edges: [],
    });
    // Three nodes with no edges are a validation error, but the scheduler itself must still respect the cap.
    const started = Date.now();
    const result = await run({ graph: g, ports: testPorts(), maxParallel: 1 });
    expect(result.status).toBe('success');
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
  });
});

describe('joins, error handles and failure modes', () => {
  it('join "any" runs when one branch is active; join "all" skips', async () => {
    const make = (join: 'any' | 'all') =>
      graph({
        version: 1,
        nodes: [
          {
            id: 'cond',
            type: 'condition',
            position: { x: 0, y: 0 },
            data: { name: 'c', expression: 'input.flag' },
          },
          {
            id: 't',
            type: 'transform',
            position: { x: 0, y: 0 },
            data: { name: 't', values: { x: '"yes"' } },
          },
          {
            id: 'f',
            type: 'transform',
            position: { x: 0, y: 0 },
            data: { name: 'f', values: { x: '"no"' } },
          },
          {
            id: 'out',
            type: 'output',
            position: { x: 0, y: 0 },
            data: { name: 'o', join, fieldMappings: { title: '{{t.x}}' } },
          },
        ],
        edges: [
          { id: 'e1', source: 'cond', sourceHandle: 'true', target: 't' },
          { id: 'e2', source: 'cond', sourceHandle: 'false', target: 'f' },
          { id: 'e3', source: 't', target: 'out', data: { mapping: { x: 'x' } } },
          { id: 'e4', source: 'f', target: 'out' },
        ],
      });
    const any = await run({ graph: make('any'), ports: testPorts(), input: { flag: true } });
    expect(any.outputData).toEqual({ title: 'yes' });
    const ports = testPorts();
    const all = await run({ graph: make('all'), ports, input: { flag: true } });
    expect(all.status).toBe('success');
    expect(all.outputData).toBeNull();
    expect(ports.recorder.finished.find((r) => r.nodeId === 'out')?.status).toBe('skipped');
  });

  it('routes a failure through the error handle and the run still succeeds', async () => {
    const g = graph({
      version: 1,
      nodes: [
        http('get', `${api.url}/fail`),
        {
          id: 'fallback',
          type: 'transform',
          position: { x: 0, y: 0 },
          data: { name: 'fb', values: { why: 'get.status' } },
        },
      ],
      edges: [
        {
          id: 'e1',
          source: 'get',
          sourceHandle: 'error',
          target: 'fallback',
          data: { mapping: { status: 'status', message: 'message' } },
        },
      ],
    });
    const ports = testPorts();
    const result = await run({ graph: g, ports });
    expect(result.status).toBe('success');
    const get = ports.recorder.finished.find((r) => r.nodeId === 'get');
    expect(get?.status).toBe('failed');
    expect(get?.handle).toBe('error');
    expect(get?.edgeValues.e1).toMatchObject({ status: 404 });
    expect(ports.recorder.finished.find((r) => r.nodeId === 'fallback')?.output).toEqual({ why: 404 });
  });

  it('fails the run without an error edge: nothing new starts and the rest is skipped', async () => {
    const g = graph({
      version: 1,
      nodes: [http('get', `${api.url}/fail`), http('next', `${api.url}/found`)],
      edges: [{ id: 'e1', source: 'get', target: 'next' }],
    });
    api.log.length = 0;
    const ports = testPorts();
    const result = await run({ graph: g, ports });
    expect(result.status).toBe('failed');
    expect(result.error?.nodeId).toBe('get');
    expect(result.error?.message).toContain('404');
    expect(api.log.map((r) => r.path)).toEqual(['/fail']);
    expect(ports.recorder.finished.map((r) => [r.nodeId, r.status])).toEqual([
      ['get', 'failed'],
      ['next', 'skipped'],
    ]);
  });

  it('with continue_on_error the rest goes on and the run ends partial', async () => {
    const g = graph({
      version: 1,
      nodes: [
        http('bad', `${api.url}/fail`),
        http('good', `${api.url}/found`),
        {
          id: 'out',
          type: 'output',
          position: { x: 0, y: 0 },
          data: { name: 'o', join: 'any', fieldMappings: { company: '{{good.id}}', title: '{{bad.x}}' } },
        },
      ],
      edges: [
        { id: 'e1', source: 'bad', target: 'out', data: { mapping: { x: 'x' } } },
        { id: 'e2', source: 'good', target: 'out', data: { mapping: { id: 'results[0].id' } } },
      ],
    });
    const result = await run({ graph: g, ports: testPorts(), continueOnError: true });
    expect(result.status).toBe('partial');
    expect(result.outputData).toEqual({ company: 'abc' });
  });

  it('ends with status timeout when the run passes its deadline', async () => {
    const g = graph({ version: 1, nodes: [http('slow', `${api.url}/slow/a`)], edges: [] });
    const result = await run({ graph: g, ports: testPorts(), deadlineMs: 50 });
    expect(result.status).toBe('timeout');
  });

  it('ends cancelled when its signal aborts', async () => {
    const g = graph({
      version: 1,
      nodes: [http('slow', `${api.url}/slow/a`), http('after', `${api.url}/found`)],
      edges: [{ id: 'e', source: 'slow', target: 'after' }],
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const ports = testPorts();
    const result = await run({ graph: g, ports, signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(ports.recorder.finished.find((r) => r.nodeId === 'after')?.status).toBe('skipped');
  });
});
