import { listNodeResults, NodeResultWriter, QueryCounter } from '@connectors/db';
import { describeEachDialect } from '@connectors/db/testing';
import { expect, it } from 'vitest';
import { runExecution } from '../src';
import { HUBSPOT_ROUTES } from '../src/testing';
import { createClaimed, runnerDeps, seedHubspotWorkspace, useHubspotApi } from './support/runner-fixture';

const api = useHubspotApi();

describeEachDialect('runs sharing a NodeResultWriter', (ctx) => {
  it('persist every step of every run, in fewer inserts than results', async () => {
    const counter = new QueryCounter();
    const db = ctx.db.withPlugin(counter);
    const seeded = await Promise.all(Array.from({ length: 6 }, () => seedHubspotWorkspace(ctx.db, api.url)));
    const leases = await Promise.all(seeded.map((s) => createClaimed(ctx.db, s)));
    const { deps } = runnerDeps(db, { nodeResults: new NodeResultWriter(db, { maxInFlight: 1 }) });
    // The first call of every run is answered once all six are waiting: their first steps end together.
    let release!: () => void;
    const together = new Promise<void>((resolve) => {
      release = resolve;
    });
    let waiting = 0;
    api.on(HUBSPOT_ROUTES.search, async (_req, res) => {
      if (++waiting === leases.length) release();
      await together;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: [{ id: 'c42' }] }));
    });
    counter.reset();

    const outcomes = await Promise.all(leases.map((lease) => runExecution(deps, lease.executionId, lease)));

    expect(outcomes).toEqual(Array(6).fill({ outcome: 'finished', status: 'success' }));
    for (const [i, lease] of leases.entries()) {
      const rows = await listNodeResults(ctx.db, seeded[i]!.workspace.id, lease.executionId);
      expect(rows.map((r) => [r.node_id, r.status])).toEqual([
        ['step_1', 'success'],
        ['step_2', 'success'],
        ['step_3', 'success'],
        ['output', 'success'],
      ]);
    }
    // 18 step results (the output node's goes with each run's end). On PostgreSQL the six first steps,
    // ending together, share statements. In-process PGlite runs each statement to its end before any
    // other JavaScript runs, so no second result can arrive while one is being written: one each.
    const inserts = counter.tally()['insert execution_node_results'] ?? 0;
    if (ctx.dialect === 'postgres') expect(inserts).toBeLessThan(18);
    else expect(inserts).toBeLessThanOrEqual(18);
  });
});
