import { expect, it } from 'vitest';
import { describeApi } from '../support/describe-api';
import { useHubspotMock } from '../support/hubspot-mock';
import { type Json, seedWorkspace, waitForExecution } from '../support/run-helpers';

/**
 * Hostile JSONata in a saved connector (DESIGN §7): each run ends within its budget with a clear error
 * on the step, the API stays up, and another workspace's run completes meanwhile.
 */

const api = useHubspotMock();

const HOSTILE = {
  spin: '($f := function($n){ $f($n + 1) }; $f(0))',
  deep: '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))',
  grow: '($f := function($s, $n){ $n = 0 ? $s : $f($s & $s, $n - 1) }; $f("x", 40))',
  sorted: '$sort([1..999999], function($a, $b){ $a < $b })',
  proto: '$string.constructor("return process")()',
  // About 600 MB within its second before the memory budget; now refused at about 64 MB.
  memory: '$count([1..999999].[1..999999])',
  replaced: '$replace($pad("", 9999999, "a"), "a", "b")',
};

function hostileGraph(expression: string) {
  return {
    version: 1,
    nodes: [
      {
        id: 'calc',
        type: 'transform',
        position: { x: 0, y: 0 },
        data: { name: 'Calc', values: { x: expression } },
      },
      {
        id: 'out',
        type: 'output',
        position: { x: 0, y: 200 },
        data: { name: 'Output', fieldMappings: { 'metadata.x': '{{calc.x}}' } },
      },
    ],
    edges: [
      { id: 'e', source: 'calc', target: 'out', sourceHandle: 'success', data: { mapping: { x: 'x' } } },
    ],
  };
}

describeApi('hostile expressions in a connector', (s) => {
  it('each ends with a clear error while another workspace runs', { timeout: 120_000 }, async () => {
    const attacker = await seedWorkspace(s.app, api);
    const victim = await seedWorkspace(s.app, api);
    for (const [name, expression] of Object.entries(HOSTILE)) {
      const created = await attacker.client.post('/connectors', {
        name: `Hostile ${name}`,
        config: hostileGraph(expression),
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      // The other workspace's execution runs while the hostile test run evaluates.
      const [tested, executed] = await Promise.all([
        attacker.client.post(`/connectors/${created.json.id}/test`, { contactId: attacker.contact.id }),
        victim.client.post(`/connectors/${victim.connector.id}/execute`, { contactId: victim.contact.id }),
      ]);
      expect(tested.status, JSON.stringify(tested.json)).toBe(200);
      expect(tested.json.status, name).toBe('failed');
      const step = tested.json.steps_executed.find((st: Json) => st.step_id === 'calc');
      expect(step?.status, name).toBe('failed');
      const message = JSON.stringify(step);
      expect(message, name).toMatch(
        /ran longer than|deeper than|string of|not available|invoke|limit|memory budget|replacements/i,
      );
      expect(message).not.toMatch(/\bat .+\.(ts|js):\d+/);
      if (name === 'memory') expect(message).toMatch(/memory budget/);
      if (name === 'replaced') expect(message).toMatch(/more than 1000000 replacements/);
      expect(executed.status).toBe(202);
      expect((await waitForExecution(victim.client, executed.json.executionId)).status, name).toBe('success');
    }
    expect((await s.app.request('/healthz')).status).toBe(200);
  });
});
