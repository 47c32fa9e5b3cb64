import { expect, it } from 'vitest';
import { describeApi } from '../support/describe-api';
import { useHubspotMock } from '../support/hubspot-mock';
import { seedWorkspace } from '../support/run-helpers';

/**
 * DESIGN §7 "Rate limit: executions per workspace per minute, 429 beyond", enforced in the database at
 * enqueue: a burst of concurrent execute requests gets exactly the quota through, the rest answer 429
 * with `Retry-After`, no execution is created for them, and another workspace is not affected.
 */

const QUOTA = 25;
const BURST = 200;

/**
 * The quota counts in fixed one-minute windows: a burst straddling two would rightly get twice the quota.
 * Starts the burst early enough in a window to end inside it.
 */
async function awayFromWindowEdge(): Promise<void> {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 35_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 250));
}

const api = useHubspotMock();

describeApi(
  'the execution quota under a burst',
  (s) => {
    it(`accepts exactly ${QUOTA} of ${BURST} concurrent execute requests`, { timeout: 120_000 }, async () => {
      const a = await seedWorkspace(s.app, api);
      const b = await seedWorkspace(s.app, api);
      await awayFromWindowEdge();
      const results = await Promise.all(
        Array.from({ length: BURST }, () =>
          a.client.post(`/connectors/${a.connector.id}/execute`, { contactId: a.contact.id }),
        ),
      );
      const accepted = results.filter((r) => r.status === 202);
      const limited = results.filter((r) => r.status === 429);
      expect(accepted).toHaveLength(QUOTA);
      expect(limited).toHaveLength(BURST - QUOTA);
      for (const res of limited) {
        expect(res.json.error).toMatchObject({ code: 'rate_limited', details: { limit: QUOTA } });
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
      }
      // Exactly the accepted ones exist.
      const ids = new Set(accepted.map((r) => r.json.executionId));
      expect(ids.size).toBe(QUOTA);
      const rows = await s.t.database.db
        .selectFrom('connector_executions')
        .select('id')
        .where('workspace_id', '=', a.workspaceId)
        .execute();
      expect(new Set(rows.map((r) => r.id))).toEqual(ids);

      // Another workspace still has its whole budget, and a test run counts against it too.
      const other = await b.client.post(`/connectors/${b.connector.id}/execute`, { contactId: b.contact.id });
      expect(other.status).toBe(202);
      const tested = await b.client.post(`/connectors/${b.connector.id}/test`, { contactId: b.contact.id });
      expect(tested.status).toBe(200);
      // A's budget is still spent, through its API as through any other door.
      const again = await a.client.post(`/connectors/${a.connector.id}/test`, { contactId: a.contact.id });
      expect(again.status).toBe(429);
    });

    it('counts an idempotent replay once, however many arrive together', { timeout: 60_000 }, async () => {
      const a = await seedWorkspace(s.app, api);
      await awayFromWindowEdge();
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          a.client.post(
            `/connectors/${a.connector.id}/execute`,
            { contactId: a.contact.id },
            { 'idempotency-key': 'one-key' },
          ),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(202));
      expect(new Set(results.map((r) => r.json.executionId)).size).toBe(1);
      // Only one unit was spent: QUOTA - 1 more fit.
      const more = await Promise.all(
        Array.from({ length: QUOTA }, () =>
          a.client.post(`/connectors/${a.connector.id}/execute`, { contactId: a.contact.id }),
        ),
      );
      expect(more.filter((r) => r.status === 202)).toHaveLength(QUOTA - 1);
    });
  },
  { CONNECTORS_RATE_LIMIT_PER_MINUTE: String(QUOTA) },
);
