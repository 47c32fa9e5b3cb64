import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphSchema } from '../src/graph';
import { MockApi } from '../src/testing';
import { recordingClock, run, staticSecrets, testPorts } from './support/harness';

const api = new MockApi();
let flaky = 0;
beforeAll(async () => {
  api
    .on('GET /always-500', () => ({ status: 500, json: { error: 'boom' } }))
    .on('GET /bad-request', () => ({ status: 400, json: { error: 'bad' } }))
    .on('GET /flaky', () => (++flaky < 3 ? { status: 503 } : { json: { ok: true } }))
    .on('GET /limited', () => ({ status: 429, headers: { 'retry-after': '2' } }))
    .on('POST /token', (req) => ({
      json: { access_token: `tok-${req.headers.authorization?.slice(6, 12)}` },
    }))
    .on('GET /me', (req) => ({ json: { auth: req.headers.authorization } }));
  await api.start();
});
afterAll(() => api.stop());

const single = (path: string, retry?: object) =>
  graphSchema.parse({
    version: 1,
    nodes: [
      {
        id: 'step_1',
        type: 'http',
        data: { name: 's', method: 'GET', url: `${api.url}${path}`, ...(retry ? { retry } : {}) },
      },
    ],
    edges: [],
  });

describe('retries', () => {
  it('makes exactly maxAttempts calls on 5xx, waiting with exponential backoff in between', async () => {
    api.log.length = 0;
    const clock = recordingClock({ instant: true });
    const ports = testPorts({ clock, random: () => 0.5 });
    const result = await run({
      graph: single('/always-500', { maxAttempts: 4, factor: 2, minDelayMs: 100, maxDelayMs: 300 }),
      ports,
    });
    expect(result.status).toBe('failed');
    expect(api.calls('GET /always-500')).toHaveLength(4);
    // Equal jitter with random 0.5: 3/4 of min(max, min·factor^(n-1)) → 75, 150, 225.
    expect(clock.sleeps).toEqual([75, 150, 225]);
    const attempts = ports.recorder.finished[0]!.attempts;
    expect(attempts.map((a) => a.response?.status)).toEqual([500, 500, 500, 500]);
    expect(attempts.map((a) => a.retry_delay_ms)).toEqual([75, 150, 225, undefined]);
    expect(result.error?.message).toContain('after 4 attempts');
    // The same idempotency key on every attempt, so the provider can de-duplicate.
    expect(new Set(api.log.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['exec_1:step_1']));
  });

  it('does not retry other 4xx', async () => {
    api.log.length = 0;
    const result = await run({ graph: single('/bad-request', { maxAttempts: 3 }), ports: testPorts() });
    expect(result.status).toBe('failed');
    expect(api.log).toHaveLength(1);
  });

  it('succeeds when a retry succeeds, really waiting the backoff', async () => {
    flaky = 0;
    const clock = recordingClock();
    const started = Date.now();
    const result = await run({
      graph: single('/flaky', { maxAttempts: 3, factor: 2, minDelayMs: 40, maxDelayMs: 1000 }),
      ports: testPorts({ clock }),
    });
    expect(result.status).toBe('success');
    expect(clock.sleeps).toEqual([30, 60]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(85);
  });

  it("honours Retry-After over the node's own backoff", async () => {
    const clock = recordingClock({ instant: true });
    await run({ graph: single('/limited', { maxAttempts: 2, minDelayMs: 10 }), ports: testPorts({ clock }) });
    expect(clock.sleeps).toEqual([2000]);
  });

  it("without a node retry, the connector's max_retries N means N+1 attempts", async () => {
    api.log.length = 0;
    const clock = recordingClock({ instant: true });
    await run({ graph: single('/always-500'), ports: testPorts({ clock }), defaultMaxRetries: 2 });
    expect(api.log).toHaveLength(3);
  });

  it('retries a network error (connection refused)', async () => {
    const clock = recordingClock({ instant: true });
    const ports = testPorts({ clock });
    const g = graphSchema.parse({
      version: 1,
      nodes: [
        {
          id: 'n',
          type: 'http',
          data: { url: 'http://127.0.0.1:1/x', retry: { maxAttempts: 2, minDelayMs: 1 } },
        },
      ],
    });
    const result = await run({ graph: g, ports });
    expect(result.status).toBe('failed');
    expect(ports.recorder.finished[0]!.attempts).toHaveLength(2);
    expect(ports.recorder.finished[0]!.attempts[0]!.error).toBeTruthy();
  });
});

describe('auth', () => {
  it('fetches an OAuth2 client-credentials token once per run and masks it', async () => {
    api.log.length = 0;
    const oauth = {
      type: 'oauth2',
      tokenUrl: `${api.url}/token`,
      clientId: 'client',
      clientSecret: '{{credentials.acme.client_secret}}',
    };
    const g = graphSchema.parse({
      version: 1,
      nodes: [
        { id: 'a', type: 'http', data: { url: `${api.url}/me`, auth: oauth } },
        { id: 'b', type: 'http', data: { url: `${api.url}/me`, auth: oauth } },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b' }],
    });
    const ports = testPorts({
      secrets: staticSecrets({ 'credentials.acme.client_secret': 'shh-very-secret' }),
    });
    const result = await run({ graph: g, ports });
    expect(result.status).toBe('success');
    expect(api.calls('POST /token')).toHaveLength(1);
    expect(api.calls('POST /token')[0]?.body).toBe('grant_type=client_credentials');
    const token = api.calls('GET /me')[0]?.headers.authorization;
    expect(token).toMatch(/^Bearer tok-/);
    const stored = JSON.stringify(ports.recorder.finished);
    expect(stored).not.toContain(token!.slice(7));
    expect(stored).not.toContain('shh-very-secret');
  });

  it('sends api-key auth in a query parameter, basic auth as a header, and masks both', async () => {
    api.log.length = 0;
    const g = graphSchema.parse({
      version: 1,
      nodes: [
        {
          id: 'q',
          type: 'http',
          data: {
            url: `${api.url}/me`,
            auth: { type: 'api-key', in: 'query', name: 'key', apiKey: '{{workspace.maps_key}}' },
          },
        },
        {
          id: 'b',
          type: 'http',
          data: {
            url: `${api.url}/me`,
            auth: { type: 'basic', username: 'u', password: '{{workspace.pw}}' },
          },
        },
      ],
      edges: [{ id: 'e', source: 'q', target: 'b' }],
    });
    const ports = testPorts({
      secrets: staticSecrets({ 'workspace.maps_key': 'k-123456', 'workspace.pw': 'pa ss' }),
    });
    await run({ graph: g, ports });
    expect(api.log[0]?.query.get('key')).toBe('k-123456');
    expect(api.log[1]?.headers.authorization).toBe(`Basic ${Buffer.from('u:pa ss').toString('base64')}`);
    const stored = JSON.stringify(ports.recorder.finished);
    expect(stored).not.toContain('k-123456');
    expect(stored).not.toContain(Buffer.from('u:pa ss').toString('base64'));
  });

  it('fails the node, sending nothing, when a referenced credential is missing', async () => {
    api.log.length = 0;
    const g = graphSchema.parse({
      version: 1,
      nodes: [
        {
          id: 'a',
          type: 'http',
          data: { url: `${api.url}/me`, auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' } },
        },
      ],
    });
    const result = await run({ graph: g, ports: testPorts() });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toContain('hubspot_token');
    expect(api.log).toHaveLength(0);
  });

  it('refuses to send a credential to a host it is not bound to', async () => {
    api.log.length = 0;
    const g = graphSchema.parse({
      version: 1,
      nodes: [
        {
          id: 'a',
          type: 'http',
          data: { url: `${api.url}/me`, auth: { type: 'bearer', token: '{{workspace.t}}' } },
        },
      ],
    });
    const ports = testPorts({
      secrets: staticSecrets({ 'workspace.t': { value: 'secret-t', hosts: ['api.hubapi.com'] } }),
    });
    const result = await run({ graph: g, ports });
    expect(result.status).toBe('failed');
    expect(ports.recorder.finished[0]?.error?.code).toBe('credential_host_not_allowed');
    expect(api.log).toHaveLength(0);
  });
});
