import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

describeApi('auth, workspaces and API keys', (s) => {
  it('signs up, keeps a session cookie, and answers /me', async () => {
    const client = new Client(s.app);
    const res = await client.post('/auth/signup', {
      email: 'Ada@Example.com',
      password: 'correct horse battery',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toMatch(/connectors_session=.*HttpOnly.*SameSite=Lax/i);
    expect(res.json.user.email).toBe('ada@example.com');
    expect(res.json).not.toHaveProperty('user.password_hash');
    const me = await client.get('/me');
    expect(me.status).toBe(200);
    expect(me.json.workspace.id).toBe(res.json.workspace.id);
    expect(me.json.workspaces).toHaveLength(1);
  });

  it('rejects a taken e-mail (any case) with 409 and bad input with 400 and paths', async () => {
    const a = new Client(s.app);
    await a.signup('taken@example.com');
    const again = await new Client(s.app).post('/auth/signup', {
      email: 'TAKEN@example.com',
      password: 'another password',
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('email_taken');
    const bad = await new Client(s.app).post('/auth/signup', { email: 'nope', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);
    const notJson = await new Client(s.app).post('/auth/signup', '{not json');
    expect(notJson.status).toBe(400);
  });

  it('logs in and out', async () => {
    const a = new Client(s.app);
    await a.signup('login@example.com');
    const wrong = await new Client(s.app).post('/auth/login', {
      email: 'login@example.com',
      password: 'wrong password',
    });
    expect(wrong.status).toBe(401);
    const b = new Client(s.app);
    expect(
      (await b.post('/auth/login', { email: 'LOGIN@example.com', password: 'correct horse battery' })).status,
    ).toBe(200);
    expect((await b.get('/me')).status).toBe(200);
    expect((await b.post('/auth/logout')).status).toBe(204);
    b.cookie = a.cookie; // a's session is still valid
    expect((await b.get('/me')).status).toBe(200);
  });

  it('requires authentication', async () => {
    const res = await new Client(s.app).get('/me');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
    const badKey = await new Client(s.app).get('/me', { authorization: 'Bearer ck_nope' });
    expect(badKey.status).toBe(401);
  });

  it('creates an API key shown once, authenticates with it, lists it hashed, and revokes it', async () => {
    const owner = new Client(s.app);
    const { workspace } = await owner.signup();
    const created = await owner.post('/api-keys', { name: 'CI' });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^ck_/);
    const viaKey = new Client(s.app, { authorization: `Bearer ${created.json.key}` });
    const me = await viaKey.get('/me');
    expect(me.status).toBe(200);
    expect(me.json.workspace.id).toBe(workspace.id);
    expect(me.json.user).toBeNull();
    const list = await owner.get('/api-keys');
    expect(list.json.data).toHaveLength(1);
    expect(JSON.stringify(list.json)).not.toContain(created.json.key);
    expect(list.json.data[0].last_used_at).not.toBeNull();
    expect((await owner.delete(`/api-keys/${created.json.id}`)).status).toBe(204);
    expect((await viaKey.get('/me')).status).toBe(401);
  });

  it('switches workspace with X-Workspace-Id and hides workspaces the user is not in', async () => {
    const a = new Client(s.app);
    const { workspace: first } = await a.signup();
    const second = await a.post('/workspaces', { name: 'Second' });
    expect(second.status).toBe(201);
    expect((await a.get('/me', { 'x-workspace-id': second.json.id })).json.workspace.id).toBe(second.json.id);
    expect((await a.get('/me')).json.workspace.id).toBe(first.id);
    const b = new Client(s.app);
    const { workspace: others } = await b.signup();
    expect((await a.get('/me', { 'x-workspace-id': others.id })).status).toBe(404);
    expect((await a.get('/me', { 'x-workspace-id': 'not-a-uuid' })).status).toBe(404);
    // A read may name the workspace in the query instead (a browser's EventSource sends no headers),
    // with the same membership check; a write may not.
    expect((await a.get(`/me?workspace_id=${second.json.id}`)).json.workspace.id).toBe(second.json.id);
    expect((await a.get(`/me?workspace_id=${others.id}`)).status).toBe(404);
    const created = await a.post(`/contacts?workspace_id=${second.json.id}`, { email: 'q@example.com' });
    expect(created.status).toBe(201);
    expect((await a.get(`/contacts/${created.json.id}`)).status).toBe(200);
    expect((await a.get(`/contacts/${created.json.id}`, { 'x-workspace-id': second.json.id })).status).toBe(
      404,
    );
  });

  it('adds members by e-mail (owners and admins only)', async () => {
    const owner = new Client(s.app);
    const { workspace } = await owner.signup();
    const member = new Client(s.app);
    const { user } = await member.signup();
    const added = await owner.post(`/workspaces/${workspace.id}/members`, {
      email: user.email,
      role: 'member',
    });
    expect(added.status).toBe(201);
    expect((await member.get('/me', { 'x-workspace-id': workspace.id })).status).toBe(200);
    const byMember = await member.post(
      `/workspaces/${workspace.id}/members`,
      { email: 'x@example.com' },
      { 'x-workspace-id': workspace.id },
    );
    expect(byMember.status).toBe(403);
    const unknown = await owner.post(`/workspaces/${workspace.id}/members`, { email: 'nobody@example.com' });
    expect(unknown.status).toBe(404);
    const twice = await owner.post(`/workspaces/${workspace.id}/members`, { email: user.email });
    expect(twice.status).toBe(409);
  });
});
