import { expect, it } from 'vitest';
import { servedOperations } from '../src/openapi/route-table';
import { connectorBody } from './support/connector-fixtures';
import { describeApi } from './support/describe-api';
import { Client } from './support/test-app';

const RANDOM_ID = '3f1b2c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d';

/** Bodies that are not JSON, not objects, or have every well-known field of the wrong type. */
const BAD_BODIES = [
  '{not json',
  '',
  'null',
  '[]',
  '"text"',
  '1e999',
  JSON.stringify({
    name: 5,
    email: ['x'],
    password: {},
    config: 'x',
    steps: {},
    metadata: 'x',
    version: 'one',
    contactId: 7,
    inputs: [],
    from_failed: 'yes',
    service: 5,
    credentials: 'x',
    role: 9,
    first_name: { a: 1 },
  }),
  JSON.stringify({
    name: 'x'.repeat(10_000),
    config: { nodes: [{ id: 'a', type: 'http', data: { url: 'x\u0000' } }] },
  }),
];

const BAD_QUERIES = [
  '?limit=abc&cursor=%00&search=%00&enabled=maybe',
  '?limit=-1&cursor=bm90LWEtY3Vyc29y&status=nope&mode=x&connector_id=%00',
  '?limit=1e9&category=%ED%A0%80',
];

describeApi('no route answers 500 to malformed input', (s) => {
  it('walks every registered route with malformed bodies, queries and ids', async () => {
    const client = new Client(s.app);
    const { workspace } = await client.signup();
    const connector = await client.post('/connectors', connectorBody());
    const contact = await client.post('/contacts', { email: 'walk@example.com' });
    const idsFor = (path: string) => {
      const real = path.startsWith('/api/v1/connectors/')
        ? connector.json.id
        : path.startsWith('/api/v1/contacts/')
          ? contact.json.id
          : path.startsWith('/api/v1/workspaces/')
            ? workspace.id
            : RANDOM_ID;
      return [real, RANDOM_ID, 'not-a-uuid', '%00'];
    };
    const failures: string[] = [];
    for (const key of servedOperations(s.app.routes)) {
      const [method, template] = key.split(' ') as [string, string];
      if (template === '/api/v1/auth/logout') continue; // would end the session the walk uses
      for (const id of idsFor(template)) {
        const path = template.replace(/\{\w+\}/g, id).replace(/^\/api\/v1/, '');
        const call = (suffix: string, body?: string) =>
          template.startsWith('/api/v1')
            ? client.request(
                method.toUpperCase(),
                `${path}${suffix}`,
                body,
                body !== undefined ? { 'content-type': 'application/json' } : {},
              )
            : Promise.resolve(s.app.request(`${path}${suffix}`, { method: method.toUpperCase() })).then(
                (r) => ({
                  status: r.status,
                }),
              );
        const attempts =
          method === 'get' || method === 'delete'
            ? BAD_QUERIES.map((query) => call(query))
            : BAD_BODIES.map((body) => call('', body));
        for (const [i, attempt] of attempts.entries()) {
          const res = await attempt;
          if (res.status >= 500) failures.push(`${method.toUpperCase()} ${path} #${i} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
