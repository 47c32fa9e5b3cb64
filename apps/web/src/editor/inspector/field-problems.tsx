import type { GraphProblem } from '@connectors/engine';
import { formatPath } from '@connectors/engine';
import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../store/editor-store';

const NONE: GraphProblem[] = [];

/** The problems of one node whose path starts with `field` (e.g. `data.url`, `data.headers`). */
export function useFieldProblems(nodeId: string, field: string): GraphProblem[] {
  return useEditorStore(
    useShallow((s) => {
      const list = s.problemsByNode.get(nodeId);
      if (!list) return NONE;
      return list.filter((p) => {
        const path = formatPath(p.path.slice(2));
        return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
      });
    }),
  );
}

/**
 * Problems under a field, each with its one-click fix: connect the missing edge, or carry the missing
 * value on the edge that exists (a mapping row is added and the edge opened to fill it in).
 */
export function FieldProblems({ nodeId, field, id }: { nodeId: string; field: string; id?: string }) {
  const problems = useFieldProblems(nodeId, field);
  const { connectNodes, edges, updateEdgeMapping, selectOnly } = useEditorStore(
    useShallow((s) => ({
      connectNodes: s.connectNodes,
      edges: s.edges,
      updateEdgeMapping: s.updateEdgeMapping,
      selectOnly: s.selectOnly,
    })),
  );
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" id={id}>
      {problems.map((problem, i) => {
        const carry = problem.code === 'value_not_carried' ? carryFix(problem, edges) : null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
          <li key={i} className={problem.severity === 'error' ? 'field-error' : 'field-warning'}>
            <span>{problem.message}</span>
            {problem.fix ? (
              <button
                type="button"
                className="btn btn-sm fix-button"
                onClick={() => problem.fix && connectNodes(problem.fix.source, problem.fix.target)}
              >
                {problem.fix.label}
              </button>
            ) : null}
            {carry ? (
              <button
                type="button"
                className="btn btn-sm fix-button"
                onClick={() => {
                  updateEdgeMapping(carry.edgeId, { ...carry.mapping, [carry.name]: carry.name });
                  selectOnly({ edges: [carry.edgeId] });
                }}
              >
                Carry {carry.name} on {carry.edgeId}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** For "reads step_1.x but the edge does not carry x": the edge and the name to add. */
function carryFix(
  problem: GraphProblem,
  edges: readonly { id: string; data?: { mapping: Record<string, string> } }[],
): { edgeId: string; name: string; mapping: Record<string, string> } | null {
  const name = /add '([^']+)' to its mapping/.exec(problem.message)?.[1];
  const edge = edges.find((e) => e.id === problem.edgeId);
  if (!name || !edge) return null;
  return { edgeId: edge.id, name, mapping: edge.data?.mapping ?? {} };
}
