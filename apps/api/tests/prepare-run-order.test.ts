import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { useHubspotMock } from './support/hubspot-mock';
import { seedWorkspace } from './support/run-helpers';

/**
 * The connector and the contact of a run are read together, yet a request with several things wrong still
 * gets the answer of the first check, in the order prepareRun documents: connector 404, disabled 409,
 * graph 422, contact 404, inputs 400.
 */

const api = useHubspotMock();
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeApi('execute and test: which problem is answered first', (s) => {
  it('answers the connector, then its state, then its graph, then the contact, then the inputs', async () => {
    const { client, connector } = await seedWorkspace(s.app, api);
    const { client: other, connector: theirs } = await seedWorkspace(s.app, api);
    const theirContact = (await other.post('/contacts', { email: 'them@example.com' })).json.id as string;
    const noEmail = (await client.post('/contacts', { first_name: 'No mail' })).json.id as string;
    const answer = async (connectorId: string, body: Record<string, unknown>, route = 'execute') => {
      const res = await client.post(`/connectors/${connectorId}/${route}`, body);
      return [res.status, res.json?.error?.code, res.json?.error?.message];
    };

    // Connector first: unknown, not a uuid, or another workspace's, whatever the contact.
    const connectorMissing = [404, 'not_found', 'Connector not found'];
    expect(await answer(UNKNOWN, { contactId: UNKNOWN })).toEqual(connectorMissing);
    expect(await answer('not-a-uuid', { contactId: 'not-a-uuid' })).toEqual(connectorMissing);
    expect(await answer(theirs.id, { contactId: noEmail })).toEqual(connectorMissing);
    // Then the contact: unknown, not a uuid, or another workspace's.
    const contactMissing = [404, 'not_found', 'Contact not found'];
    expect(await answer(connector.id, { contactId: UNKNOWN })).toEqual(contactMissing);
    expect(await answer(connector.id, { contactId: "1'; drop table contacts;--" })).toEqual(contactMissing);
    expect(await answer(connector.id, { contactId: theirContact })).toEqual(contactMissing);
    // Then the inputs (the contact has no e-mail to fall back to).
    expect((await answer(connector.id, { contactId: noEmail }))[0]).toBe(400);

    // A graph that cannot run is answered before an unknown contact.
    const cyclic = await client.post('/connectors', {
      name: 'Cyclic',
      config: {
        version: 1,
        nodes: [
          { id: 'a', type: 'http', position: { x: 0, y: 0 }, data: { url: `${api.url}/a/{{b.x}}` } },
          { id: 'b', type: 'http', position: { x: 0, y: 100 }, data: { url: `${api.url}/b/{{a.x}}` } },
        ],
        edges: [
          { id: 'e1', source: 'a', target: 'b', data: { mapping: { x: 'x' } } },
          { id: 'e2', source: 'b', target: 'a', data: { mapping: { x: 'x' } } },
        ],
      },
    });
    expect(cyclic.status).toBe(201);
    expect((await answer(cyclic.json.id, { contactId: UNKNOWN }))[1]).toBe('graph_invalid');
    expect((await answer(cyclic.json.id, { contactId: theirContact }, 'test'))[1]).toBe('graph_invalid');

    // A disabled connector is answered before its graph or the contact; a test run goes on to the contact.
    const disabled = await client.put(`/connectors/${cyclic.json.id}`, { ...cyclic.json, enabled: false });
    expect(disabled.status, JSON.stringify(disabled.json)).toBe(200);
    expect((await answer(cyclic.json.id, { contactId: UNKNOWN }))[1]).toBe('connector_disabled');
    const off = await client.put(`/connectors/${connector.id}`, { ...connector, enabled: false });
    expect(off.status).toBe(200);
    expect((await answer(connector.id, { contactId: theirContact }))[1]).toBe('connector_disabled');
    expect(await answer(connector.id, { contactId: theirContact }, 'test')).toEqual(contactMissing);
    expect(api.log).toHaveLength(0);
  });
});
