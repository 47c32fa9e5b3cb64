import { MockApi } from '@connectors/runner/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeApi } from '../support/describe-api';
import { type Json, waitForExecution } from '../support/run-helpers';
import { Client } from '../support/test-app';

/**
 * Upstreams that misbehave: one that never answers, one that trickles a byte at a time, one that sends
 * far more than the response size cap, and one that fails once. Each run ends (timeout or size error on
 * the step) instead of holding its worker slot, the next run still gets the one slot there is, and a
 * retried step carries the same `Idempotency-Key: <executionId>:<stepId>` on every attempt.
 */

const api = new MockApi();
const held: { end(): void }[] = [];
/** Idempotency keys already answered once (each run's first attempt fails). */
const seenKeys = new Set<string>();
beforeAll(async () => {
  api.on('GET /hang', (_req, res) => {
    held.push(res);
    return new Promise<void>(() => {});
  });
  api.on('GET /trickle', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const timer = setInterval(() => res.write('1,'), 50);
    res.on('close', () => clearInterval(timer));
    held.push({ end: () => clearInterval(timer) });
    return new Promise<void>(() => {});
  });
  api.on('GET /huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 64 && res.write(chunk)) sent++;
      if (sent < 64) res.once('drain', pump);
      else res.end();
    };
    res.on('error', () => undefined);
    pump();
  });
  api.on('GET /flaky', (req) => {
    const key = String(req.headers['idempotency-key']);
    if (seenKeys.has(key)) return { json: { ok: true } };
    seenKeys.add(key);
    return { status: 503, json: { error: 'busy' } };
  });
  api.on('GET /fine', () => ({ json: { ok: true } }));
  await api.start();
});
afterAll(async () => {
  for (const res of held) res.end();
  await api.stop();
});

function oneStep(path: string, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    nodes: [
      {
        id: 'call',
        type: 'http',
        position: { x: 0, y: 0 },
        data: { name: 'Call', method: 'GET', url: `${api.url}${path}`, timeoutMs: 1_500, ...extra },
      },
      { id: 'out', type: 'output', position: { x: 0, y: 200 }, data: { name: 'Output', fieldMappings: {} } },
    ],
    edges: [{ id: 'e', source: 'call', target: 'out', sourceHandle: 'success' }],
  };
}

describeApi(
  'misbehaving upstreams',
  (s) => {
    it('times out or caps each, frees the slot, and re-sends with the same Idempotency-Key', {
      timeout: 120_000,
    }, async () => {
      const client = new Client(s.app);
      await client.signup();
      const contact = await client.post('/contacts', { email: 'faults@example.com' });
      const run = async (path: string, extra: Record<string, unknown> = {}) => {
        const created = await client.post('/connectors', {
          name: `Fault ${path} ${Math.random().toString(36).slice(2)}`,
          config: oneStep(path, extra),
          max_retries: 0,
        });
        expect(created.status, JSON.stringify(created.json)).toBe(201);
        const executed = await client.post(`/connectors/${created.json.id}/execute`, {
          contactId: contact.json.id,
        });
        expect(executed.status).toBe(202);
        return waitForExecution(client, executed.json.executionId, undefined, 60_000);
      };
      const stepOf = (execution: Json) => execution.steps_executed.find((st: Json) => st.step_id === 'call');

      // With one worker slot, each of these must end for the next to start.
      for (const [path, expected] of [
        ['/hang', /timed out|timeout|longer than/i],
        ['/trickle', /timed out|timeout|longer than/i],
        ['/huge', /larger than the limit/i],
      ] as const) {
        const execution = await run(path);
        expect(execution.status, path).toBe('failed');
        expect(JSON.stringify(stepOf(execution)), path).toMatch(expected);
      }
      expect((await run('/fine')).status).toBe('success');

      const retried = await run('/flaky', {
        retry: { maxAttempts: 2, minDelayMs: 10, maxDelayMs: 10, factor: 1 },
      });
      expect(retried.status).toBe('success');
      const keys = api
        .calls('GET /flaky')
        .map((r) => r.headers['idempotency-key'])
        .filter((key) => String(key).startsWith(retried.id));
      expect(keys).toEqual([`${retried.id}:call`, `${retried.id}:call`]);
    });
  },
  { CONNECTORS_WORKER_CONCURRENCY: '1' },
);
