import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphSchema } from '../src/graph';
import type { NodeResult } from '../src/runtime';
import { MockApi } from '../src/testing';
import { run, testPorts } from './support/harness';

const api = new MockApi();
beforeAll(async () => {
  api
    .on('GET /one', () => ({ json: { id: 'x1' } }))
    .on('GET /two/x1', () => ({ json: { name: 'two' } }))
    .on('GET /three', () => ({ json: { done: true } }));
  await api.start();
});
afterAll(() => api.stop());

const graph = () =>
  graphSchema.parse({
    version: 1,
    nodes: [
      { id: 'one', type: 'http', data: { url: `${api.url}/one` } },
      { id: 'two', type: 'http', data: { url: `${api.url}/two/{{one.id}}` } },
      { id: 'three', type: 'http', data: { url: `${api.url}/three` } },
      { id: 'out', type: 'output', data: { fieldMappings: { first_name: '{{two.name}}' } } },
    ],
    edges: [
      { id: 'e1', source: 'one', target: 'two', data: { mapping: { id: 'id' } } },
      { id: 'e2', source: 'two', target: 'three' },
      { id: 'e3', source: 'two', target: 'out', data: { mapping: { name: 'name' } } },
    ],
  });

describe('resuming a run', () => {
  it('reuses completed results and calls no completed step again', async () => {
    // First attempt "crashes" after step one is persisted: the recorder throws when two finishes.
    const persisted: NodeResult[] = [];
    const crashing = testPorts({
      recorder: {
        nodeFinished: (r: NodeResult) => {
          if (r.nodeId === 'two') throw new Error('database went away');
          persisted.push(r);
        },
      } as never,
    });
    await expect(run({ graph: graph(), ports: crashing })).rejects.toThrow('database went away');
    expect(persisted.map((r) => r.nodeId)).toEqual(['one']);
    expect(api.calls('GET /one')).toHaveLength(1);

    const ports = testPorts();
    const result = await run({
      graph: graph(),
      ports,
      completed: persisted,
      run: { executionId: 'exec_1', attempt: 2 },
    });
    expect(result.status).toBe('success');
    expect(result.outputData).toEqual({ first_name: 'two' });
    expect(api.calls('GET /one')).toHaveLength(1);
    expect(api.calls('GET /two/x1')).toHaveLength(2); // its result was never persisted, so it runs again
    expect(api.calls('GET /three')).toHaveLength(1);
    // three and out both wait only on two, so they may finish in either order.
    expect(ports.recorder.finished.map((r) => r.nodeId).sort()).toEqual(['out', 'three', 'two']);
    expect(result.nodes.map((r) => r.nodeId).slice(0, 2)).toEqual(['one', 'two']);
  });
});
