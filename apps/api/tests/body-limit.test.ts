import { request } from 'node:http';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { useServedApp } from './support/served-app';
import { Client } from './support/test-app';

const LIMIT = 4096;

/** Sends `body` over a real socket, with a Content-Length or chunked; resolves with status and JSON. */
function send(
  url: string,
  body: string,
  options: { cookie: string; chunked: boolean },
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: options.cookie,
        ...(options.chunked ? {} : { 'content-length': Buffer.byteLength(body) }),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    if (options.chunked) {
      // Several writes without a length: Node sends `Transfer-Encoding: chunked`.
      for (let i = 0; i < body.length; i += 1000) req.write(body.slice(i, i + 1000));
      req.end();
    } else req.end(body);
  });
}

const contact = (size: number) => {
  const base = { email: `limit-${size}@example.com`, metadata: { note: '' } };
  const note = 'x'.repeat(Math.max(0, size - JSON.stringify(base).length));
  return JSON.stringify({ ...base, metadata: { note } });
};

describeApi(
  'request body limit (CONNECTORS_MAX_BODY_BYTES)',
  (s) => {
    const served = useServedApp(s);

    it('refuses a larger body with 413 payload_too_large, whether it has a length or is chunked', async () => {
      const client = new Client(s.app);
      await client.signup();
      const cookie = client.cookie;
      for (const chunked of [false, true]) {
        const tooLarge = await send(`${served.base}/contacts`, contact(LIMIT + 500), { cookie, chunked });
        expect(tooLarge.status).toBe(413);
        expect(tooLarge.json.error).toMatchObject({ code: 'payload_too_large' });
        expect(JSON.stringify(tooLarge.json)).toContain(String(LIMIT));
      }
      // Nothing was stored.
      const listed = await client.get('/contacts');
      expect(listed.json.data).toEqual([]);
    });

    it('accepts a body at the limit, with a length or chunked', async () => {
      const client = new Client(s.app);
      await client.signup();
      for (const chunked of [false, true]) {
        const body = contact(LIMIT - 100).replace('limit-', chunked ? 'chunked-' : 'length-');
        const created = await send(`${served.base}/contacts`, body, { cookie: client.cookie, chunked });
        expect(created.status).toBe(201);
        expect((created.json.metadata as { note: string }).note.length).toBeGreaterThan(LIMIT - 200);
      }
      expect((await client.get('/contacts')).json.data).toHaveLength(2);
    });

    it('counts a body that arrives without any length header (a Request built in-process)', async () => {
      const client = new Client(s.app);
      await client.signup();
      const res = await s.app.request('/api/v1/contacts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: client.cookie },
        body: contact(LIMIT + 500),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    });
  },
  { CONNECTORS_MAX_BODY_BYTES: String(LIMIT) },
);
