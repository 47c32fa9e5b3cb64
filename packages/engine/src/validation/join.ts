import { nodeTypeDefinition } from '../graph';
import { joinOf, type LinkedEdge, type ValidationContext } from './context';
import { type GraphProblem, warning } from './problem';

/**
 * "This path exists only if `node` left through `handle`", as a linked list sharing tails, so the chain
 * of every node costs one cell however long the graph is.
 */
interface Branches {
  node: string;
  handle: string;
  next: Branches | undefined;
}

/**
 * Warns (never blocks) when a `join: "all"` node needs two incoming edges that depend on opposite handles
 * of one node — condition `true`/`false`, or http `success`/`error` — directly or through chains of
 * single-input ancestors. A node leaves through exactly one handle, so such a node can never run.
 */
export function checkImpossibleJoins(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const branchesOf = branchTracker(ctx);

  for (const [id, index] of ctx.nodeIndex) {
    const node = ctx.nodeById.get(id);
    const incoming = ctx.incoming.get(id) ?? [];
    if (!node || incoming.length < 2 || joinOf(node) !== 'all') continue;
    const conflict = findConflict(incoming.map(branchesOf));
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

/** Returns `edge → the branches its activation implies`, memoised per node and computed without recursion. */
function branchTracker(ctx: ValidationContext): (ref: LinkedEdge) => Branches | undefined {
  const memo = new Map<string, Branches | undefined>();

  /** Prepends the edge's own handle when its source has several (only then is it a branch). */
  const withOwn = (ref: LinkedEdge, tail: Branches | undefined): Branches | undefined => {
    const source = ctx.nodeById.get(ref.edge.source);
    const handles = source ? (nodeTypeDefinition(source.type)?.sourceHandles ?? []) : [];
    return handles.length > 1 && handles.includes(ref.handle)
      ? { node: ref.edge.source, handle: ref.handle, next: tail }
      : tail;
  };

  /** A node runs only if its single incoming edge is active; with 0 or 2+ inputs we know nothing more. */
  const ofNode = (start: string): Branches | undefined => {
    const climbed: { id: string; ref: LinkedEdge }[] = [];
    const seen = new Set<string>();
    let current = start;
    let tail: Branches | undefined;
    for (;;) {
      if (memo.has(current)) {
        tail = memo.get(current);
        break;
      }
      const incoming = ctx.incoming.get(current) ?? [];
      const only = incoming.length === 1 ? incoming[0] : undefined;
      if (!only || seen.has(current)) break; // a cycle is reported elsewhere; stop climbing it
      seen.add(current);
      climbed.push({ id: current, ref: only });
      current = only.edge.source;
    }
    for (let i = climbed.length - 1; i >= 0; i--) {
      const { id, ref } = climbed[i] as (typeof climbed)[number];
      tail = withOwn(ref, tail);
      memo.set(id, tail);
    }
    return climbed.length > 0 ? memo.get(start) : tail;
  };

  return (ref) => withOwn(ref, ofNode(ref.edge.source));
}

function findConflict(
  perEdge: (Branches | undefined)[],
): { node: string; first: string; second: string } | undefined {
  // For each branching node, the first edge seen per handle; two handles from different edges conflict.
  const seen = new Map<string, Map<string, number>>();
  for (let i = 0; i < perEdge.length; i++) {
    for (let cell = perEdge[i]; cell; cell = cell.next) {
      let handles = seen.get(cell.node);
      if (!handles) {
        handles = new Map();
        seen.set(cell.node, handles);
      }
      for (const [handle, edge] of handles) {
        if (handle !== cell.handle && edge !== i) {
          return { node: cell.node, first: handle, second: cell.handle };
        }
      }
      if (!handles.has(cell.handle)) handles.set(cell.handle, i);
    }
  }
  return undefined;
}
