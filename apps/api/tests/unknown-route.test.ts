import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

const ID = '3f1b2c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';

describeApi('a path no route serves', (s) => {
  it('is 404 not_found with or without a session, before authentication', async () => {
    const anonymous = new Client(s.app);
    const signedIn = new Client(s.app);
    await signedIn.signup();
    for (const client of [anonymous, signedIn]) {
      for (const [method, path] of [
        ['GET', '/nope'],
        ['POST', '/connectors/x/execut'],
        ['GET', `/connectors/${ID}/nothing/here`],
        ['DELETE', '/contact'],
      ] as const) {
        const res = await client.request(method, path, method === 'POST' ? {} : undefined);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.json.error).toEqual({
          code: 'not_found',
          message: `No route for ${method} /api/v1${path}`,
        });
      }
    }
  });

  it("still asks for a session on a route's path, whatever the id, and says nothing about the resource", async () => {
    const anonymous = new Client(s.app);
    for (const path of ['/connectors', `/connectors/${ID}`, '/connectors/not-an-id/executions', '/me']) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
    // The routes outside authentication are still served.
    expect((await anonymous.get('/openapi.json')).status).toBe(200);
    expect(
      (await anonymous.post('/auth/login', { email: 'x@example.com', password: 'wrong password' })).status,
    ).toBe(401);
  });

  it('with a session, a served path with a method it does not serve is 404 as before', async () => {
    const client = new Client(s.app);
    await client.signup();
    const res = await client.request('PATCH', '/me', {});
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});
