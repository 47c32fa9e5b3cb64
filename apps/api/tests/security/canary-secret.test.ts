import { randomBytes } from 'node:crypto';
import { format } from 'node:util';
import type { Executor } from '@connectors/db';
import { MockApi } from '@connectors/runner/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeApi } from '../support/describe-api';
import { type Json, RecordingClient, waitForExecution } from '../support/run-helpers';
import { useServedApp } from '../support/served-app';

/**
 * DESIGN §7 "Responses never contain a secret; resolved secret values are masked in every stored request,
 * response, log line and error message", checked end to end with a canary: one unique credential value
 * is used every way a connector can send it (bearer header, API key in the query string, Basic auth,
 * JSON body), echoed back by the upstream in its body, headers and a redirect's URL, and made to fail.
 * Afterwards every row of every table, every log line, every SSE event and every response the API gave
 * is searched for the canary in raw, URL-encoded and base64 forms.
 */

// `+`, `/` and `=` make the URL-encoded form differ from the raw one.
const CORE = randomBytes(12).toString('hex');
const CANARY = `cNry+${CORE}/Q=`;
const USER = 'canary-user';

/** Base64 runs that appear whenever the canary is base64-encoded, at any byte offset (`user:canary`). */
function base64Needles(secret: string): string[] {
  const out: string[] = [];
  for (const prefix of ['', 'a', 'ab']) {
    const encoded = Buffer.from(prefix + secret, 'utf8').toString('base64');
    // Drop the characters that mix in the prefix's bytes and the padded tail.
    const core = encoded.slice(Math.ceil((prefix.length * 4) / 3) + 1, -4);
    out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

const NEEDLES = [
  CANARY,
  CORE,
  encodeURIComponent(CANARY),
  new URLSearchParams({ s: CANARY }).toString().slice(2),
  ...base64Needles(CANARY),
];

/** The needles found in `text` (none, we hope). */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((needle) => lower.includes(needle.toLowerCase()));
}

const upstream = new MockApi();
const other = () => upstream.url.replace('127.0.0.1', 'localhost');

beforeAll(async () => {
  await upstream.start();
  // Echoes what it received, secret and all, in its body and headers, and sets a cookie with it.
  const echo = (req: { headers: Json; query: URLSearchParams; json: unknown; body: string }) => ({
    json: {
      headers: req.headers,
      query: Object.fromEntries(req.query),
      body: req.json ?? req.body,
      note: `you sent ${req.headers.authorization ?? req.query.get('api_key') ?? ''}`,
    },
    headers: {
      'x-echo-auth': String(req.headers.authorization ?? req.query.get('api_key') ?? 'none'),
      'set-cookie': `session=${encodeURIComponent(String(req.headers.authorization ?? ''))}`,
    },
  });
  // An OAuth2 token endpoint whose access token embeds the canary: the token is a secret too.
  upstream.on('POST /token', () => ({
    json: { access_token: `at-${CANARY}`, token_type: 'Bearer', expires_in: 3600 },
  }));
  upstream.on('GET /echo', echo);
  upstream.on('POST /echo', echo);
  upstream.on('GET /fail', (req) => ({
    status: 403,
    json: { message: `token ${req.headers.authorization} is not allowed`, echo: req.headers },
    headers: { 'www-authenticate': `Bearer error="invalid_token" token="${req.headers.authorization}"` },
  }));
  // Same host: followed, with the secret now in the URL of the page it lands on.
  upstream.on('GET /redirect-same', (_req, res) => {
    res.writeHead(302, { location: `${upstream.url}/echo?token=${encodeURIComponent(CANARY)}` }).end();
  });
  // Another host with the secret in the URL: refused.
  upstream.on('GET /redirect-leak', (_req, res) => {
    res.writeHead(302, { location: `${other()}/echo?token=${encodeURIComponent(CANARY)}` }).end();
  });
  // Another host, clean URL: followed without the credential.
  upstream.on('GET /redirect-other', (_req, res) => {
    res.writeHead(302, { location: `${other()}/echo` }).end();
  });
});
afterAll(() => upstream.stop());

const TOKEN_REF = '{{credentials.canary.token}}';

function http(id: string, y: number, data: Record<string, unknown>) {
  return { id, type: 'http', position: { x: 0, y }, data: { name: id, method: 'GET', ...data } };
}

/** Every way of sending the secret, all succeeding, feeding an output that maps what came back. */
function sendingGraph(base: string) {
  const nodes = [
    http('bearer', 0, { url: `${base}/echo`, auth: { type: 'bearer', token: TOKEN_REF } }),
    http('query_key', 100, {
      url: `${base}/echo`,
      auth: { type: 'api-key', in: 'query', name: 'api_key', apiKey: TOKEN_REF },
    }),
    http('basic', 200, {
      url: `${base}/echo`,
      auth: { type: 'basic', username: USER, password: TOKEN_REF },
    }),
    http('in_body', 300, {
      method: 'POST',
      url: `${base}/echo`,
      headers: [{ key: 'X-Custom-Secret', value: TOKEN_REF }],
      body: { secret: TOKEN_REF, nested: { again: `prefix-${TOKEN_REF}` } },
    }),
    http('in_url', 400, { url: `${base}/echo?token=${TOKEN_REF}` }),
    http('redirect_same', 500, {
      url: `${base}/redirect-same`,
      auth: { type: 'bearer', token: TOKEN_REF },
    }),
    http('oauth', 650, {
      url: `${base}/echo`,
      auth: {
        type: 'oauth2',
        tokenUrl: `${base}/token`,
        clientId: 'canary-client',
        clientSecret: TOKEN_REF,
      },
    }),
    http('redirect_other', 600, {
      url: `${base}/redirect-other`,
      auth: { type: 'bearer', token: TOKEN_REF },
    }),
    {
      id: 'output',
      type: 'output',
      position: { x: 300, y: 800 },
      data: {
        name: 'Output',
        join: 'all',
        fieldMappings: {
          'metadata.seen_auth': '{{bearer.seen}}',
          'metadata.seen_query': '{{query_key.seen}}',
          'metadata.seen_body': '{{in_body.seen}}',
          'metadata.seen_oauth': '{{oauth.seen}}',
        },
      },
    },
  ];
  const edge = (source: string, mapping?: Record<string, string>) => ({
    id: `${source}_out`,
    source,
    target: 'output',
    sourceHandle: 'success',
    ...(mapping ? { data: { mapping } } : {}),
  });
  return {
    version: 1,
    nodes,
    edges: [
      edge('bearer', { seen: 'headers.authorization' }),
      edge('query_key', { seen: 'query.api_key' }),
      edge('basic'),
      edge('in_body', { seen: 'body.secret' }),
      edge('in_url'),
      edge('redirect_same'),
      edge('redirect_other'),
      edge('oauth', { seen: 'headers.authorization' }),
    ],
  };
}

/**
 * Steps that fail with the secret in play: an upstream 403 echoing it, a redirect that would carry it to
 * another host, and an expression whose error message is built from it.
 */
function failingGraph(base: string) {
  const nodes = [
    http('fails', 0, { url: `${base}/fail`, auth: { type: 'bearer', token: TOKEN_REF } }),
    http('redirect_leak', 100, {
      url: `${base}/redirect-leak`,
      auth: { type: 'bearer', token: TOKEN_REF },
    }),
    http('bad_template', 200, {
      url: `${base}/echo`,
      headers: [{ key: 'X-Broken', value: "{{ $error('rejected ' & credentials.canary.token) }}" }],
    }),
  ];
  return {
    version: 1,
    nodes: [
      ...nodes,
      { id: 'output', type: 'output', position: { x: 0, y: 400 }, data: { join: 'any', fieldMappings: {} } },
    ],
    edges: nodes.map((n) => ({ id: `${n.id}_out`, source: n.id, target: 'output', sourceHandle: 'success' })),
  };
}

/** Everything `console` and the process's streams printed while the suite ran. */
function captureLogs() {
  const lines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(format(...args));
    }),
  );
  const streams = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      lines.push(String(chunk));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as never),
  );
  return {
    lines,
    restore: () => {
      for (const spy of [...spies, ...streams]) spy.mockRestore();
    },
  };
}

describeApi('a canary secret never leaves the vault', (s) => {
  const served = useServedApp(s);

  /** Reads an execution's whole event stream (it closes once the run has ended). */
  async function readStream(cookie: string, executionId: string): Promise<string> {
    const res = await fetch(`${served.base}/executions/${executionId}/events`, {
      headers: { cookie, accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    return res.text();
  }

  it('is found in no table, log line, event or response', async () => {
    const logs = captureLogs();
    const events: string[] = [];
    const headers: string[] = [];
    const client = new RecordingClient(s.app);
    try {
      console.warn('[probe] the capture works');
      await client.signup();
      const credential = await client.post('/workspace/credentials', {
        service: 'canary',
        credentials: { token: CANARY },
        allowed_hosts: ['127.0.0.1'],
      });
      expect(credential.status).toBe(201);
      const contact = await client.post('/contacts', { email: 'canary@example.com' });
      const sending = await client.post('/connectors', {
        name: 'Sends the canary',
        config: sendingGraph(upstream.url),
        max_retries: 0,
      });
      expect(sending.status, JSON.stringify(sending.json)).toBe(201);
      const failing = await client.post('/connectors', {
        name: 'Fails with the canary',
        config: failingGraph(upstream.url),
        max_retries: 0,
        continue_on_error: true,
      });
      expect(failing.status, JSON.stringify(failing.json)).toBe(201);

      const runs: Json[] = [];
      for (const connector of [sending.json, failing.json]) {
        const tested = await client.post(`/connectors/${connector.id}/test`, { contactId: contact.json.id });
        expect(tested.status, JSON.stringify(tested.json)).toBe(200);
        runs.push(tested.json);
        events.push(await readStream(client.cookie, tested.json.id));

        const executed = await client.post(`/connectors/${connector.id}/execute`, {
          contactId: contact.json.id,
        });
        expect(executed.status).toBe(202);
        headers.push(JSON.stringify([...executed.headers]));
        events.push(await readStream(client.cookie, executed.json.executionId));
        const finished = await waitForExecution(client, executed.json.executionId);
        runs.push(finished);
      }
      // A retry of the failing live run is a new execution with the same secrets in play.
      const retried = await client.post(`/executions/${runs[3].id}/retry`, { from_failed: true });
      expect(retried.status, JSON.stringify(retried.json)).toBe(202);
      const retryId = retried.json.executionId ?? retried.json.id;
      events.push(await readStream(client.cookie, retryId));
      await waitForExecution(client, retryId);
      // The runs really did what the test is about: every sending step succeeded, every failing one failed.
      const stepStatuses = (run: Json) =>
        Object.fromEntries(run.steps_executed.map((step: Json) => [step.step_id, step.status]));
      expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'partial', 'partial']);
      for (const run of runs.slice(2)) {
        expect(stepStatuses(run)).toMatchObject({
          fails: 'failed',
          redirect_leak: 'failed',
          bad_template: 'failed',
        });
      }

      // The upstream did receive the canary every way it was sent (so masking is what kept it out).
      const received = JSON.stringify(upstream.log.map((r) => [r.path, r.headers, [...r.query], r.body]));
      expect(received).toContain(CANARY);
      // …and the search below would have spotted it in each of those forms.
      for (const form of [
        encodeURIComponent(CANARY),
        Buffer.from(CANARY).toString('base64'),
        Buffer.from(`${USER}:${CANARY}`).toString('base64'),
        Buffer.from(`${USER}:${CANARY}`).toString('base64url'),
        JSON.stringify({ CANARY }),
      ]) {
        expect(leaks(`...${form}...`), form).not.toEqual([]);
      }
      expect(received).toContain(Buffer.from(`${USER}:${CANARY}`).toString('base64'));
      // The clean cross-host redirect was followed without the credential.
      const crossHost = upstream.log.filter((r) => String(r.headers.host).startsWith('localhost'));
      expect(crossHost.length).toBeGreaterThan(0);
      expect(crossHost.every((r) => r.headers.authorization === undefined)).toBe(true);
      // The leaking redirect was refused: the other host never saw the token in its URL.
      expect(crossHost.every((r) => !r.query.has('token'))).toBe(true);

      // Everything the API answered, read back once more.
      for (const run of runs) {
        await client.get(`/executions/${run.id}`);
        headers.push(JSON.stringify([...(await client.get(`/executions/${run.id}`)).headers]));
      }
      await client.get('/executions');
      // The values the output mapped from the echoes reached the contact masked.
      const enriched = await client.get(`/contacts/${contact.json.id}`);
      expect(enriched.json.metadata).toMatchObject({
        seen_auth: 'Bearer ••••••',
        seen_query: '••••••',
        seen_oauth: 'Bearer ••••••',
      });
      await client.get('/workspace/credentials');
      for (const connector of [sending.json, failing.json]) {
        await client.get(`/connectors/${connector.id}/executions`);
        await client.get(`/connectors/${connector.id}`);
      }
      await new Promise((r) => setTimeout(r, 50)); // late log lines of the finished runs
    } finally {
      logs.restore();
    }

    expect(logs.lines.some((line) => line.includes('[probe] the capture works'))).toBe(true);
    const rows = await everyRow(s.t.database.db);
    expect(rows.length).toBeGreaterThan(10);
    // The stored data does hold the runs (so the search below searched something real).
    expect(rows.join('\n')).toContain('redirect_same');

    const found = {
      database: rows.filter((row) => leaks(row).length > 0),
      logs: logs.lines.filter((line) => leaks(line).length > 0),
      events: events.filter((e) => leaks(e).length > 0),
      responses: client.seen.filter((body) => leaks(body).length > 0),
      headers: headers.filter((h) => leaks(h).length > 0),
    };
    expect(found).toEqual({ database: [], logs: [], events: [], responses: [], headers: [] });
    expect(events.join('')).toContain('••••••');
  });
});

/** Every row of every table in the public schema, as text (`row::text`). */
async function everyRow(db: Executor): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  const out: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(
      db,
    );
    for (const { row } of rows.rows) out.push(`${table_name}: ${row}`);
  }
  return out;
}
