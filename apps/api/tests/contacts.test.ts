import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

type Body = Record<string, unknown>;

const invalid: [string, Body, string[]][] = [
  ['a malformed e-mail', { email: 'not-an-email' }, ['email']],
  ['an e-mail that is a number', { email: 42 }, ['email']],
  ['an e-mail over 320 characters', { email: `${'a'.repeat(320)}@example.com` }, ['email']],
  ['a first name over 200 characters', { first_name: 'x'.repeat(201) }, ['first_name']],
  ['a phone with letters', { phone: 'call me maybe' }, ['phone']],
  ['a company that is an object', { company: { name: 'Acme' } }, ['company']],
  ['metadata as a list', { metadata: [1, 2] }, ['metadata']],
  ['metadata as a string', { metadata: 'x' }, ['metadata']],
  ['metadata over 64 KiB', { metadata: { blob: 'x'.repeat(70_000) } }, ['metadata']],
  ['metadata nested too deep', { metadata: nest(30) }, []],
  ['a NUL in a name', { last_name: 'a\u0000' }, ['last_name']],
];

function nest(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) value = { n: value };
  return value;
}

describeApi('contacts', (s) => {
  const signedIn = async () => {
    const client = new Client(s.app);
    await client.signup();
    return client;
  };

  it('creates, reads, replaces, patches and deletes a contact', async () => {
    const client = await signedIn();
    const created = await client.post('/contacts', {
      email: '  john@acme.com ',
      first_name: 'John',
      phone: '+1 (555) 0123',
      metadata: { source: 'import', tags: ['a'] },
      id: 'ignored',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      email: 'john@acme.com',
      first_name: 'John',
      last_name: null,
      phone: '+1 (555) 0123',
      metadata: { source: 'import', tags: ['a'] },
    });
    expect(created.json.id).not.toBe('ignored');
    const id = created.json.id;
    expect((await client.get(`/contacts/${id}`)).json).toEqual(created.json);

    const replaced = await client.put(`/contacts/${id}`, { email: 'john@acme.com', last_name: 'Smith' });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ first_name: null, last_name: 'Smith', phone: null, metadata: {} });

    const patched = await client.request('PATCH', `/contacts/${id}`, { title: 'CTO', first_name: 'Johnny' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ first_name: 'Johnny', last_name: 'Smith', title: 'CTO' });

    expect((await client.delete(`/contacts/${id}`)).status).toBe(204);
    expect((await client.get(`/contacts/${id}`)).status).toBe(404);
    expect((await client.delete(`/contacts/${id}`)).status).toBe(404);
  });

  it('deep-merges metadata on PATCH (null deletes a key, metadata: null empties it)', async () => {
    const client = await signedIn();
    const created = await client.post('/contacts', {
      email: 'merge@example.com',
      metadata: { company: { name: 'Acme', size: 50 }, tags: ['a', 'b'], keep: 1 },
    });
    const id = created.json.id;
    const merged = await client.request('PATCH', `/contacts/${id}`, {
      metadata: { company: { industry: 'Tech', size: null }, tags: ['c'] },
    });
    expect(merged.status).toBe(200);
    expect(merged.json.metadata).toEqual({
      company: { name: 'Acme', industry: 'Tech' },
      tags: ['c'],
      keep: 1,
    });
    expect(merged.json.email).toBe('merge@example.com');
    const emptied = await client.request('PATCH', `/contacts/${id}`, { metadata: null });
    expect(emptied.json.metadata).toEqual({});
    // The size limit holds for the merged result, not just for each patch.
    await client.request('PATCH', `/contacts/${id}`, { metadata: { a: 'x'.repeat(40_000) } });
    const tooBig = await client.request('PATCH', `/contacts/${id}`, { metadata: { b: 'y'.repeat(40_000) } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.error.details[0].path).toBe('metadata');
  });

  it.each(invalid)('refuses %s with 400 on POST, PUT and PATCH', async (_, body, paths) => {
    const client = await signedIn();
    const res = await client.post('/contacts', body);
    expect(res.status).toBe(400);
    const reported = (res.json.error.details as { path: string }[]).map((d) => d.path);
    for (const path of paths) expect(reported).toContain(path);
    const created = await client.post('/contacts', { email: 'ok@example.com' });
    expect((await client.put(`/contacts/${created.json.id}`, body)).status).toBe(400);
    expect((await client.request('PATCH', `/contacts/${created.json.id}`, body)).status).toBe(400);
  });

  it('never answers 500 to malformed JSON', async () => {
    const client = await signedIn();
    const created = await client.post('/contacts', {});
    expect(created.status).toBe(201);
    for (const method of ['POST', 'PUT', 'PATCH']) {
      const path = method === 'POST' ? '/contacts' : `/contacts/${created.json.id}`;
      for (const raw of ['{oops', '[]', 'null', '"x"']) {
        const res = await client.request(method, path, raw, { 'content-type': 'application/json' });
        expect(res.status).toBe(400);
      }
    }
  });

  it('searches by e-mail and name and pages with a cursor', async () => {
    const client = await signedIn();
    const people = [
      ['ada@lovelace.org', 'Ada', 'Lovelace'],
      ['alan@turing.org', 'Alan', 'Turing'],
      ['grace@hopper.mil', 'Grace', 'Hopper'],
      ['ADA.second@example.com', 'Ada', 'Byron'],
    ];
    for (const [email, first_name, last_name] of people)
      await client.post('/contacts', { email, first_name, last_name });
    expect((await client.get('/contacts?search=ada')).json.data).toHaveLength(2);
    expect(
      (await client.get('/contacts?search=grace%20hop')).json.data.map((c: { email: string }) => c.email),
    ).toEqual(['grace@hopper.mil']);
    expect((await client.get('/contacts?email=ALAN@turing.org')).json.data).toHaveLength(1);
    expect((await client.get('/contacts?search=%25')).json.data).toHaveLength(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { data: { email: string }[]; next_cursor: string | null } } = await client.get(
        `/contacts?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.json.data.map((c) => c.email));
      cursor = page.json.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect((await client.get('/contacts?limit=1000')).status).toBe(400);
    expect((await client.get('/contacts?search=%00')).status).toBe(400);
  });

  it("answers 404 for another workspace's contacts and for ids that are not UUIDs", async () => {
    const owner = await signedIn();
    const created = await owner.post('/contacts', { email: 'private@example.com' });
    const stranger = await signedIn();
    const path = `/contacts/${created.json.id}`;
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.put(path, { email: 'x@example.com' })).status).toBe(404);
    expect((await stranger.request('PATCH', path, { first_name: 'x' })).status).toBe(404);
    expect((await stranger.request('PATCH', path, { metadata: { a: 1 } })).status).toBe(404);
    expect((await stranger.delete(path)).status).toBe(404);
    expect((await stranger.get('/contacts')).json.data).toEqual([]);
    expect((await owner.get(path)).json.email).toBe('private@example.com');
    for (const bad of ['nope', '123']) {
      expect((await owner.get(`/contacts/${bad}`)).status).toBe(404);
      expect((await owner.request('PATCH', `/contacts/${bad}`, { metadata: {} })).status).toBe(404);
    }
  });
});
