import type { Graph, NodeResult } from '@connectors/engine';
import { describe, expect, it } from 'vitest';
import { NextStepForecast } from './next-step';

type Edge = { id: string; source: string; target: string; sourceHandle?: string };

function graph(nodes: [string, string, Record<string, unknown>?][], edges: Edge[]): Graph {
  return {
    version: 1,
    nodes: nodes.map(([id, type, data]) => ({
      id,
      type,
      position: { x: 0, y: 0 },
      data: { name: id, ...data },
    })),
    edges,
  } as unknown as Graph;
}

function done(nodeId: string, handle: string | null): NodeResult {
  return {
    nodeId,
    nodeName: nodeId,
    nodeType: 'http',
    status: handle === null ? 'skipped' : handle === 'error' ? 'failed' : 'success',
    handle,
    startedAt: null,
    finishedAt: new Date(0).toISOString(),
    durationMs: 0,
    attempts: [],
    edgeValues: {},
  };
}

const chain = graph(
  [
    ['a', 'http'],
    ['b', 'http'],
    ['out', 'output'],
  ],
  [
    { id: 'e1', source: 'a', target: 'b', sourceHandle: 'success' },
    { id: 'e2', source: 'b', target: 'out' },
  ],
);

describe('NextStepForecast', () => {
  it('follows a chain: the start, then each node the finished one lets run, then nothing', () => {
    const forecast = new NextStepForecast(chain);
    expect(forecast.start()).toBe('a');
    expect(forecast.finished(done('a', 'success'))).toBe('b');
    expect(forecast.finished(done('b', 'success'))).toBe('out');
    expect(forecast.finished(done('out', 'success'))).toBeUndefined();
  });

  it('starts a resumed run at the first node its persisted results let run', () => {
    expect(new NextStepForecast(chain, [done('a', 'success')]).start()).toBe('b');
  });

  it('names nothing when the node left through a handle no edge takes, or failed without one', () => {
    const forecast = new NextStepForecast(chain);
    expect(forecast.finished(done('a', 'error'))).toBeUndefined();
    expect(new NextStepForecast(chain).finished(done('a', null))).toBeUndefined();
  });

  it('takes the branch of a condition that was taken', () => {
    const branching = graph(
      [
        ['if', 'condition'],
        ['yes', 'http'],
        ['no', 'http'],
      ],
      [
        { id: 't', source: 'if', target: 'yes', sourceHandle: 'true' },
        { id: 'f', source: 'if', target: 'no', sourceHandle: 'false' },
      ],
    );
    expect(new NextStepForecast(branching).finished(done('if', 'false'))).toBe('no');
  });

  it('waits for every branch of an `all` join, and for the first active one of an `any` join', () => {
    const nodes: [string, string, Record<string, unknown>?][] = [
      ['a', 'http'],
      ['b', 'http'],
      ['join', 'output', { join: 'all' }],
    ];
    const edges = [
      { id: 'e1', source: 'a', target: 'join' },
      { id: 'e2', source: 'b', target: 'join' },
    ];
    const all = new NextStepForecast(graph(nodes, edges));
    expect(all.start()).toBe('a');
    expect(all.finished(done('a', 'success'))).toBeUndefined();
    expect(all.finished(done('b', 'success'))).toBe('join');

    const anyJoin = graph([nodes[0]!, nodes[1]!, ['join', 'output', { join: 'any' }]], edges);
    const any = new NextStepForecast(anyJoin);
    expect(any.finished(done('a', 'error'))).toBeUndefined();
    expect(any.finished(done('b', 'success'))).toBe('join');
  });
});
