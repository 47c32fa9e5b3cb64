import { describe, expect, it } from 'vitest';
import type { Execution, StepExecuted } from '../api/executions.api';
import { compareSteps } from './compare-model';
import { failedRun } from './run-fixtures';
import { axisTicks, buildTimeline, stepsForGraph } from './run-model';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
const step = (id: string, start: number, end: number): StepExecuted => ({
  step_id: id,
  step_name: id,
  step_type: 'http',
  status: 'success',
  handle: 'success',
  started_at: at(start),
  finished_at: at(end),
  duration_ms: end - start,
  attempts: [],
  edge_values: {},
  output: null,
  error: null,
});

describe('the timeline model', () => {
  it('puts parallel branches side by side on one axis from the run start', () => {
    const run = { started_at: at(0), completed_at: at(900), created_at: at(0), retry_of: null } as Execution;
    const timeline = buildTimeline(
      run,
      [step('a', 0, 100), step('c', 100, 700), step('b', 100, 400), step('out', 700, 710)],
      0,
    );
    expect(timeline.rows.map((r) => [r.step.step_id, r.start, r.end])).toEqual([
      ['a', 0, 100],
      ['b', 100, 400],
      ['c', 100, 700],
      ['out', 700, 710],
    ]);
    expect(timeline.total).toBe(900);
  });

  it('grows a running node to now, and lists every node of the graph (pending ones too)', () => {
    const run = failedRun();
    const steps = stepsForGraph(null, [step('a', 0, 100)], new Map([['b', at(100)]]));
    expect(steps).toHaveLength(1);
    const withGraph = stepsForGraph(
      {
        version: 1,
        nodes: [
          { id: 'a', type: 'http', position: { x: 0, y: 0 }, data: { name: 'A' } },
          { id: 'b', type: 'http', position: { x: 0, y: 0 }, data: { name: 'B' } },
          { id: 'c', type: 'http', position: { x: 0, y: 0 }, data: { name: 'C' } },
        ],
        edges: [],
      } as never,
      [step('a', 0, 100)],
      new Map([['b', at(100)]]),
    );
    expect(withGraph.map((s) => [s.step_id, s.status])).toEqual([
      ['a', 'success'],
      ['b', 'running'],
      ['c', 'pending'],
    ]);
    const live = buildTimeline(
      { ...run, started_at: at(0), completed_at: null },
      withGraph,
      Date.parse(at(600)),
    );
    expect(live.rows.map((r) => [r.step.step_id, r.end])).toEqual([
      ['a', 100],
      ['b', 600],
    ]);
  });

  it('picks round ticks', () => {
    expect(axisTicks(1500)).toEqual([0, 500, 1000, 1500]);
    expect(axisTicks(90)).toEqual([0, 20, 40, 60, 80]);
  });
});

describe('the compare model', () => {
  it('flattens requests and responses into fields and marks the ones that differ', () => {
    const [s1, s2] = failedRun().steps_executed ?? [];
    const fields = compareSteps(s1, s2);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('request.method')).toMatchObject({ a: 'GET', b: 'GET', same: true });
    expect(byPath.get('response.status')).toMatchObject({ a: 200, b: 500, same: false });
    expect(byPath.get('response.body.results[0].id')).toMatchObject({ a: '101', b: undefined, same: false });
    expect(byPath.get('carried.e1.contactId')).toMatchObject({ a: '101', same: false });
    expect(compareSteps(s1, s1).every((f) => f.same)).toBe(true);
  });

  it('does not count what differs in every pair of runs: the idempotency key and the response date', () => {
    const attempt = (run: string, date: string) => ({
      ...(failedRun().steps_executed?.[0]?.attempts[0] as StepExecuted['attempts'][number]),
      request: {
        method: 'GET',
        url: 'https://api.example.com/a',
        headers: { 'Idempotency-Key': `${run}:step_1`, Accept: 'application/json' },
        body: null,
      },
      response: { status: 200, headers: { date, 'content-type': 'application/json' }, body: '{"ok":true}' },
    });
    const a = { ...step('step_1', 0, 10), attempts: [attempt('run-a', 'Thu, 26 Nov 2026 10:57:36 GMT')] };
    const b = { ...step('step_1', 0, 12), attempts: [attempt('run-b', 'Thu, 26 Nov 2026 11:01:05 GMT')] };
    const fields = compareSteps(a, b);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('request.headers.Idempotency-Key')).toMatchObject({ same: false, expected: true });
    expect(byPath.get('response.headers.date')).toMatchObject({ same: false, expected: true });
    expect(fields.filter((f) => !f.same && !f.expected)).toEqual([]);
  });
});
