import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { useHubspotMock } from './support/hubspot-mock';
import { seedWorkspace } from './support/run-helpers';

const api = useHubspotMock();

/**
 * Budgets are fixed one-minute windows: calls spread across a minute's end land in two windows. Starts
 * a test that must stay in one window at least 10 s before the minute ends.
 */
async function awayFromMinuteEnd(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((r) => setTimeout(r, left + 50));
}

describeApi(
  'execution rate limit',
  (s) => {
    it('answers 429 with Retry-After past the per-minute budget of the workspace', {
      timeout: 30_000,
    }, async () => {
      const { client, connector, contact } = await seedWorkspace(s.app, api);
      await awayFromMinuteEnd();
      const execute = (headers: Record<string, string> = {}) =>
        client.post(`/connectors/${connector.id}/execute`, { contactId: contact.id }, headers);
      expect((await execute({ 'idempotency-key': 'k1' })).status).toBe(202);
      expect(
        (await client.post(`/connectors/${connector.id}/test`, { inputs: { email: 'a@b.c' } })).status,
      ).toBe(200);
      const limited = await execute();
      expect(limited.status).toBe(429);
      expect(limited.json.error).toMatchObject({ code: 'rate_limited', details: { limit: 2 } });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // A replay is not a new execution: it still answers.
      expect((await execute({ 'idempotency-key': 'k1' })).status).toBe(202);
      // Another workspace has its own budget.
      const other = await seedWorkspace(s.app, api);
      const res = await other.client.post(`/connectors/${other.connector.id}/execute`, {
        contactId: other.contact.id,
      });
      expect(res.status).toBe(202);
    });
  },
  { CONNECTORS_RATE_LIMIT_PER_MINUTE: '2' },
);
