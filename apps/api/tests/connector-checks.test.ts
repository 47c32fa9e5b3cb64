import type { Connector } from '@connectors/db';
import { convertSeedConnector } from '@connectors/engine';
import { seedHubspotConnector } from '@connectors/engine/testing';
import { describe, expect, it } from 'vitest';
import { connectorProblems } from '../src/lib/connector-view';

function seedGraph() {
  const conversion = convertSeedConnector(seedHubspotConnector('https://api.hubapi.com'));
  if (!conversion.ok) throw new Error('the seed connector does not convert');
  return conversion.config;
}

type Row = Pick<Connector, 'id' | 'version' | 'updated_at' | 'config' | 'input_schema'>;

function row(overrides: Partial<Row> = {}): Row {
  return {
    id: '2f0b7a52-6a55-4a0e-9d67-6f1b3d3b1c01',
    version: 1,
    updated_at: new Date('2026-11-26T10:00:00Z'),
    config: seedGraph() as unknown as Connector['config'],
    input_schema: null,
    ...overrides,
  };
}

describe('connectorProblems', () => {
  it('checks a saved version once and hands out the same frozen result', () => {
    const saved = row();
    const first = connectorProblems(saved);
    expect(first.ok).toBe(true);
    expect(connectorProblems(row())).toBe(first); // the same version read again
    const graph = first.graph!;
    expect(Object.isFrozen(graph)).toBe(true);
    expect(Object.isFrozen(graph.nodes[1])).toBe(true);
    expect(() => {
      (graph.nodes as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('checks a new version afresh: a graph broken by an edit is reported, and fixed again', () => {
    const id = '2f0b7a52-6a55-4a0e-9d67-6f1b3d3b1c02';
    const good = row({ id });
    expect(connectorProblems(good).ok).toBe(true);
    const broken = seedGraph();
    broken.edges.push({ id: 'dangling', source: broken.nodes[0]!.id, target: 'nowhere' } as never);
    const v2 = connectorProblems(
      row({ id, version: 2, updated_at: new Date('2026-11-26T10:01:00Z'), config: broken as never }),
    );
    expect(v2.ok).toBe(false);
    expect(v2.problems.some((p) => p.severity === 'error')).toBe(true);
    const v3 = connectorProblems(row({ id, version: 3, updated_at: new Date('2026-11-26T10:02:00Z') }));
    expect(v3.ok).toBe(true);
  });

  it('checks an unsaved graph every time (no id or version to name it by)', () => {
    const { config, input_schema } = row();
    const a = connectorProblems({ config, input_schema });
    const b = connectorProblems({ config, input_schema });
    expect(a.ok).toBe(true);
    expect(b).not.toBe(a);
    expect(Object.isFrozen(a.graph)).toBe(false);
  });
});
