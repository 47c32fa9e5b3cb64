import { HUBSPOT_ROUTES, MockApi, mockHubspot } from '@connectors/runner/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { type Json, seedWorkspace, TOKEN, waitForExecution } from './support/run-helpers';
import { useServedApp } from './support/served-app';

const api = new MockApi();
beforeAll(async () => {
  mockHubspot(api);
  await api.start();
});
afterAll(() => api.stop());

interface SseEvent {
  event: string;
  id?: string;
  data: Json;
}

/** Reads a whole SSE response (until the server closes it) and parses its events. */
async function readEvents(url: string, cookie: string): Promise<{ events: SseEvent[]; raw: string }> {
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const raw = await res.text(); // resolves only once the server closes the stream
  const events = raw
    .split('\n\n')
    .filter((block) => block.trim() && !block.startsWith(':'))
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
      }
      return { event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data ?? 'null') };
    });
  return { events, raw };
}

describeApi('execution events (SSE)', (s) => {
  const served = useServedApp(s);

  it('streams a run as it happens, then closes the stream', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    api.on(HUBSPOT_ROUTES.company, () => ({
      delayMs: 300,
      json: { properties: { name: 'Acme Corp', industry: 'Technology' } },
    }));
    // A slow first step gives the stream time to connect before step_3 starts, even on a loaded machine
    // (`node.started` is announced live, not stored, so a stream opened later cannot see it).
    api.on(HUBSPOT_ROUTES.search, () => ({ delayMs: 800, json: { total: 1, results: [{ id: 'c42' }] } }));
    const { json } = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    const { events, raw } = await readEvents(
      `${served.base}/executions/${json.executionId}/events`,
      client.cookie,
    );
    const finished = events.filter((e) => e.event === 'node.succeeded').map((e) => e.data.step_id);
    expect(finished).toEqual(['step_1', 'step_2', 'step_3', 'output']);
    expect(events.at(-1)).toMatchObject({ event: 'run.finished', data: { status: 'success' } });
    // step_3 was still running when the stream was open: its start was announced before its result.
    const started = events.findIndex((e) => e.event === 'node.started' && e.data.step_id === 'step_3');
    const done = events.findIndex((e) => e.event === 'node.succeeded' && e.data.step_id === 'step_3');
    expect(started).toBeGreaterThanOrEqual(0);
    expect(started).toBeLessThan(done);
    expect(
      events.find((e) => e.data.step_id === 'step_1' && e.event === 'node.succeeded')?.data.attempts[0]
        .request.headers.Authorization,
    ).toBe('Bearer ••••••');
    expect(raw).not.toContain(TOKEN);
  });

  it('replays the whole run to a page that opens late, and reports failures', async () => {
    const { client, connector, contact } = await seedWorkspace(s.app, api);
    api.on(HUBSPOT_ROUTES.contact, () => ({ status: 404, json: { message: 'not found' } }));
    const { json } = await client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id });
    await waitForExecution(client, json.executionId);
    const { events } = await readEvents(
      `${served.base}/executions/${json.executionId}/events`,
      client.cookie,
    );
    expect(events.map((e) => [e.event, e.data.step_id ?? e.data.status])).toEqual([
      ['node.succeeded', 'step_1'],
      ['node.failed', 'step_2'],
      ['node.skipped', 'step_3'],
      ['node.skipped', 'output'],
      ['run.finished', 'failed'],
    ]);
    // A reconnecting client gets only what it has not seen.
    const res = await fetch(`${served.base}/executions/${json.executionId}/events`, {
      headers: { cookie: client.cookie, 'last-event-id': events[1]!.id! },
    });
    expect((await res.text()).match(/^event: .*/gm)).toEqual([
      'event: node.skipped',
      'event: node.skipped',
      'event: run.finished',
    ]);
    mockHubspot(api);
  });
});
