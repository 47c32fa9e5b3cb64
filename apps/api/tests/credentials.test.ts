import { getCredential } from '@connectors/db';
import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import type { Json } from './support/run-helpers';
import { Client } from './support/test-app';

const SECRET = 'sk_live_abcdefghijklmnop';

describeApi('workspace credentials', (s) => {
  it('stores secrets encrypted, lists names only, replaces and deletes', async () => {
    const client = new Client(s.app);
    const { workspace } = await client.signup();
    const created = await client.post('/workspace/credentials', {
      service: 'stripe',
      credentials: { api_key: SECRET, account: 'acct_1' },
      allowed_hosts: ['API.Stripe.com'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      service_name: 'stripe',
      fields: ['account', 'api_key'],
      allowed_hosts: ['api.stripe.com'],
      created_at: expect.any(String),
      updated_at: expect.any(String),
      last_used_at: null,
    });
    const stored = await getCredential(s.t.database.db, workspace.id, 'stripe');
    expect(stored?.credentials.api_key).toEqual({
      kid: 'test',
      iv: expect.any(String),
      ct: expect.any(String),
      tag: expect.any(String),
    });
    expect(JSON.stringify(stored)).not.toContain(SECRET);

    const replaced = await client.post('/workspace/credentials', {
      service_name: 'stripe',
      credentials: { api_key: 'x2' },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ fields: ['api_key'], allowed_hosts: [] });
    await client.post('/workspace/credentials', { service: 'hubspot', credentials: { token: SECRET } });
    const listed = await client.get('/workspace/credentials');
    expect(listed.json.data.map((c: Json) => [c.service_name, c.fields])).toEqual([
      ['hubspot', ['token']],
      ['stripe', ['api_key']],
    ]);
    expect(JSON.stringify(listed.json)).not.toContain(SECRET);
    expect(JSON.stringify(listed.json)).not.toContain('"ct"');

    expect((await client.delete('/workspace/credentials/stripe')).status).toBe(204);
    expect((await client.delete('/workspace/credentials/stripe')).status).toBe(404);
    expect((await client.delete('/workspace/credentials/%00')).status).toBe(404);
    expect((await client.get('/workspace/credentials')).json.data).toHaveLength(1);
  });

  it('answers 400 with paths for bad input', async () => {
    const client = new Client(s.app);
    await client.signup();
    const bad = await client.post('/workspace/credentials', {
      service: 'has space',
      credentials: { 'bad-field': 'x', ok: '' },
      allowed_hosts: ['https://x.com/path'],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: Json) => d.path).sort()).toEqual([
      'allowed_hosts.0',
      'credentials.bad-field',
      'credentials.ok',
      'service',
    ]);
    const empty = await client.post('/workspace/credentials', { credentials: {} });
    expect(empty.json.error.details.map((d: Json) => d.path).sort()).toEqual(['credentials', 'service']);
    const differ = await client.post('/workspace/credentials', {
      service: 'a',
      service_name: 'b',
      credentials: { k: 'v' },
    });
    expect(differ.status).toBe(400);
    expect(JSON.stringify([bad.json, empty.json, differ.json])).not.toMatch(/at .*\.ts/);
  });
});
