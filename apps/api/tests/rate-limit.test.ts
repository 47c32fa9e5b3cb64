import { expect, it } from 'vitest';
import { describeApi } from './support/describe-api';
import { useHubspotMock } from './support/hubspot-mock';
import { seedWorkspace } from './support/run-helpers';

const api = useHubspotMock();

describeApi(
  'execution rate limit',
  (s) => {
    it('answers 429 with Retry-After past the per-minute budget of the workspace', async () => {
      const { client, connector, contact } = await seedWorkspace(s.app, api);
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
