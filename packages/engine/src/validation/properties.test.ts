import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Graph, graphSchema, NODE_TYPES } from '../graph';
import { parseGraph } from './parse-graph';
import { validateGraph } from './validate-graph';

const RUNS = 300;

/** Strings that exercise every branch of template and reference handling. */
const templateText = fc.constantFrom(
  '',
  'plain',
  'https://api.example.com/x',
  '{{n0.x}}',
  'https://api.example.com/{{n1.id}}',
  '{{input.email}}',
  '{{workspace.token}}',
  '{{ $uppercase(n2.a) }}',
  '{{ a + }}',
  '{{unclosed',
  '{{ }}',
  '{{ $eval("1") }}',
  '{{stpe.x}}',
  '{{contact.email}} and {{run.id}}',
);
const jsonataText = fc.constantFrom(
  '',
  'true',
  'n0.x',
  '$exists(n1.id)',
  '(',
  'workspace.t',
  'results[0].id',
  '$x := 1; $x',
);
const ids = fc.constantFrom('n0', 'n1', 'n2', 'n3', 'n4', 'input', '1bad', 'n-5', 'out');
const types = fc.constantFrom(...(Object.keys(NODE_TYPES) as (keyof typeof NODE_TYPES)[]));

const nodeInput = fc.record({
  id: ids,
  type: types,
  text: templateText,
  expr: jsonataText,
  method: fc.constantFrom('GET', 'post', 'FETCH', ''),
  join: fc.constantFrom(undefined, 'all', 'any'),
});

function dataFor(n: { type: string; text: string; expr: string; method: string; join: string | undefined }) {
  const join = n.join ? { join: n.join } : {};
  switch (n.type) {
    case 'http':
      return {
        method: n.method,
        url: n.text,
        headers: [{ key: 'X-A', value: n.text }],
        body: { a: [n.text] },
        ...join,
      };
    case 'condition':
      return { expression: n.expr, ...join };
    case 'transform':
      return { values: { v: n.expr }, ...join };
    case 'output':
    case 'update_contact':
      return { fieldMappings: { f: n.text, g: { template: n.text } }, ...join };
    case 'connector':
      return { connectorId: 'c', inputs: { email: n.text }, ...join };
    case 'delay':
      return { seconds: 1, ...join };
    default:
      return {};
  }
}

const edgeInput = fc.record({
  id: fc.constantFrom('e0', 'e1', 'e2', 'e3', 'e4', 'e5'),
  source: ids,
  target: ids,
  sourceHandle: fc.constantFrom(undefined, 'success', 'error', 'true', 'false', 'bogus'),
  mapping: fc.dictionary(fc.constantFrom('x', 'id', 'a'), jsonataText, { maxKeys: 2 }),
});

/** Random graphs that pass `graphSchema`: any ids, types, handles and references, consistent or not. */
const randomGraph = fc
  .record({ nodes: fc.array(nodeInput, { maxLength: 8 }), edges: fc.array(edgeInput, { maxLength: 12 }) })
  .map(({ nodes, edges }) =>
    graphSchema.parse({
      nodes: nodes.map((n) => ({ id: n.id, type: n.type, data: dataFor(n) })),
      edges: edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ...(e.sourceHandle ? { sourceHandle: e.sourceHandle } : {}),
        data: { mapping: e.mapping },
      })),
    }),
  );

/** `size` http nodes `n0…`, with random edges from lower to higher index only: a DAG. */
const dag = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 30 }).map((raw) => {
    // Ordering each pair (rather than filtering) keeps generation total even for a single node.
    const unique = new Map<string, [number, number]>();
    for (const [x, y] of raw)
      if (x !== y) unique.set(`${Math.min(x, y)}-${Math.max(x, y)}`, [Math.min(x, y), Math.max(x, y)]);
    return { size, pairs: [...unique.values()] };
  }),
);

function chainGraph(size: number, pairs: [number, number][]): Graph {
  return graphSchema.parse({
    nodes: Array.from({ length: size }, (_, i) => ({
      id: `n${i}`,
      type: 'http',
      data: { url: 'https://x.example.com' },
    })),
    edges: pairs.map(([a, b], i) => ({ id: `e${i}`, source: `n${a}`, target: `n${b}` })),
  });
}

describe('validateGraph properties', () => {
  it('never throws (or gives up) on a graph that passed graphSchema', () => {
    fc.assert(
      fc.property(randomGraph, fc.constantFrom<'connector' | 'flow'>('connector', 'flow'), (graph, kind) => {
        const result = validateGraph(graph, { kind, inputNames: ['email'] });
        expect(result.problems.filter((p) => p.code === 'validation_failed')).toEqual([]);
        expect(result.ok).toBe(!result.problems.some((p) => p.severity === 'error'));
        for (const problem of result.problems) expect(Array.isArray(problem.path)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds no cycle in a graph whose edges only go from lower to higher index', () => {
    fc.assert(
      fc.property(dag, ({ size, pairs }) => {
        const codes = validateGraph(chainGraph(size, pairs)).problems.map((p) => p.code);
        expect(codes).not.toContain('cycle');
        expect(codes).not.toContain('self_loop');
      }),
      { numRuns: RUNS },
    );
  });

  it('reports an injected cycle, naming a real cycle through its nodes', () => {
    const withCycle = dag.chain(({ size, pairs }) =>
      fc
        .uniqueArray(fc.nat(size), { minLength: 2, maxLength: Math.max(2, size + 1) })
        .map((members) => ({ size: Math.max(size, ...members.map((m) => m + 1)), pairs, members })),
    );
    fc.assert(
      fc.property(withCycle, ({ size, pairs, members }) => {
        const loop = members.map(
          (m, i) => [m, members[(i + 1) % members.length] as number] as [number, number],
        );
        const graph = chainGraph(size, [...pairs, ...loop]);
        const cycles = validateGraph(graph).problems.filter((p) => p.code === 'cycle');
        const names = new Set(members.map((m) => `n${m}`));
        expect(cycles.some((p) => (p.related ?? []).some((id) => names.has(id)))).toBe(true);
        for (const problem of cycles) {
          const related = problem.related ?? [];
          expect(related.length).toBeGreaterThan(1);
          related.forEach((id, i) => {
            const next = related[(i + 1) % related.length];
            expect(graph.edges.some((e) => e.source === id && e.target === next)).toBe(true);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseGraph properties', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const { graph, problems } = parseGraph(value);
        expect(graph !== undefined || problems.length > 0).toBe(true);
        if (graph) validateGraph(graph);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on near-graphs with arbitrary nodes and edges', () => {
    const nearGraph = fc.record({
      version: fc.constantFrom(1, 2, undefined),
      nodes: fc.array(
        fc.record({
          id: fc.oneof(fc.string(), fc.integer()),
          type: fc.oneof(types, fc.string()),
          data: fc.anything(),
        }),
        { maxLength: 5 },
      ),
      edges: fc.array(fc.dictionary(fc.constantFrom('id', 'source', 'target', 'data'), fc.anything()), {
        maxLength: 5,
      }),
    });
    fc.assert(
      fc.property(nearGraph, (value) => {
        const { graph, problems } = parseGraph(value);
        for (const problem of problems)
          expect(problem.path.every((p) => ['string', 'number'].includes(typeof p))).toBe(true);
        if (graph) expect(() => validateGraph(graph)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
});
