import { type GraphProblem, validateGraph } from '@connectors/engine';
import type { StateCreator } from 'zustand';
import { canvasToGraph } from '../graph/canvas-to-graph';
import type { EditorState, ValidationSlice } from './editor-state';

const EMPTY: ReadonlyMap<string, GraphProblem[]> = new Map();

/** Which node a problem is about: its `nodeId`, else the node its path points into. */
export function problemNodeId(problem: GraphProblem, nodeIds: readonly string[]): string | undefined {
  if (problem.nodeId) return problem.nodeId;
  if (problem.path[0] === 'nodes' && typeof problem.path[1] === 'number') return nodeIds[problem.path[1]];
  return undefined;
}

/** Which edge a problem is about (only edge problems: a reference problem names its node first). */
export function problemEdgeId(problem: GraphProblem, edgeIds: readonly string[]): string | undefined {
  if (problem.path[0] === 'edges' && typeof problem.path[1] === 'number') return edgeIds[problem.path[1]];
  return problem.nodeId ? undefined : problem.edgeId;
}

/**
 * The engine's `validateGraph` over the canvas, re-run on every content change (never on moves), grouped by
 * node and edge so each component selects only its own problems.
 */
export const createValidationSlice: StateCreator<EditorState, [], [], ValidationSlice> = (set, get) => ({
  problems: [],
  problemsByNode: EMPTY,
  problemsByEdge: EMPTY,
  errorCount: 0,
  revalidate: () => {
    const { nodes, edges, meta, kind } = get();
    const graph = canvasToGraph(nodes, edges);
    const { problems } = validateGraph(graph, {
      kind,
      inputNames: meta.input_schema.fields.map((f) => f.name),
    });
    const nodeIds = nodes.map((n) => n.id);
    const edgeIds = edges.map((e) => e.id);
    const byNode = new Map<string, GraphProblem[]>();
    const byEdge = new Map<string, GraphProblem[]>();
    for (const problem of problems) {
      const node = problemNodeId(problem, nodeIds);
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), problem]);
      const edge = problemEdgeId(problem, edgeIds);
      if (edge) byEdge.set(edge, [...(byEdge.get(edge) ?? []), problem]);
    }
    // Components select their node's list: keep the old array when nothing changed, so they do not re-render.
    const previous = get().problemsByNode;
    for (const [id, list] of byNode) {
      const old = previous.get(id);
      if (old && sameProblems(old, list)) byNode.set(id, old);
    }
    set({
      problems,
      problemsByNode: byNode,
      problemsByEdge: byEdge,
      errorCount: problems.filter((p) => p.severity === 'error').length,
    });
  },
});

function sameProblems(a: GraphProblem[], b: GraphProblem[]): boolean {
  return (
    a.length === b.length && a.every((p, i) => p.message === b[i]?.message && p.severity === b[i]?.severity)
  );
}
