import { nodeTypeDefinition } from '../graph/node-registry';
import { joinOf, type LinkedEdge, type ValidationContext } from './context';
import { type GraphProblem, warning } from './problem';

/** "This path exists only if node `node` left through `handle`." */
interface Branch {
  node: string;
  handle: string;
}

/**
 * Warns (never blocks) when a `join: "all"` node needs two incoming edges that depend on opposite handles
 * of one node — condition `true`/`false`, or http `success`/`error` — directly or through chains of
 * single-input ancestors. A node leaves through exactly one handle, so such a node can never run.
 */
export function checkImpossibleJoins(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const memo = new Map<string, Branch[]>();

  /** The branches a node's running depends on: those of its only incoming edge, if it has exactly one. */
  const branchesOfNode = (id: string, visiting: Set<string>): Branch[] => {
    const cached = memo.get(id);
    if (cached) return cached;
    const incoming = ctx.incoming.get(id) ?? [];
    const only = incoming.length === 1 ? incoming[0] : undefined;
    if (!only || visiting.has(id)) return [];
    visiting.add(id);
    const result = branchesOfEdge(only, visiting);
    visiting.delete(id);
    memo.set(id, result);
    return result;
  };
  const branchesOfEdge = (ref: LinkedEdge, visiting: Set<string>): Branch[] => {
    const source = ctx.nodeById.get(ref.edge.source);
    const handles = source ? (nodeTypeDefinition(source.type)?.sourceHandles ?? []) : [];
    const own =
      handles.length > 1 && handles.includes(ref.handle)
        ? [{ node: ref.edge.source, handle: ref.handle }]
        : [];
    return [...own, ...branchesOfNode(ref.edge.source, visiting)];
  };

  for (const [id, index] of ctx.nodeIndex) {
    const node = ctx.nodeById.get(id);
    const incoming = ctx.incoming.get(id) ?? [];
    if (!node || incoming.length < 2 || joinOf(node) !== 'all') continue;
    const perEdge = incoming.map((ref) => branchesOfEdge(ref, new Set([id])));
    const conflict = findConflict(perEdge);
    if (!conflict) continue;
    problems.push(
      warning(
        'unreachable_join',
        `${id} waits for all its incoming edges, but they come from ${conflict.node}'s '${conflict.first}' and '${conflict.second}' branches, which never both happen — so ${id} can never run. Set its join to "any".`,
        ['nodes', index, 'data', 'join'],
        { nodeId: id, related: [conflict.node] },
      ),
    );
  }
  return problems;
}

function findConflict(perEdge: Branch[][]): { node: string; first: string; second: string } | undefined {
  for (let i = 0; i < perEdge.length; i++) {
    for (let j = i + 1; j < perEdge.length; j++) {
      for (const a of perEdge[i] ?? []) {
        const b = (perEdge[j] ?? []).find((other) => other.node === a.node && other.handle !== a.handle);
        if (b) return { node: a.node, first: a.handle, second: b.handle };
      }
    }
  }
  return undefined;
}
