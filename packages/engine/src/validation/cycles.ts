import type { LinkedEdge, ValidationContext } from './context';
import { error, type GraphProblem } from './problem';

/**
 * One problem per strongly connected component with more than one node, naming a concrete cycle through
 * it in order (`step_1 → step_2 → step_1`). Self-loops are reported by the edge checks.
 */
export function checkCycles(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const components = stronglyConnectedComponents([...ctx.nodeById.keys()], (id) =>
    (ctx.outgoing.get(id) ?? []).map((ref) => ref.edge.target),
  ).filter((component) => component.length > 1);

  const order = (id: string) => ctx.nodeIndex.get(id) ?? 0;
  const cycles = components.map((component) => {
    const start = component.reduce((a, b) => (order(a) <= order(b) ? a : b));
    return shortestCycle(ctx, start, new Set(component));
  });
  cycles.sort((a, b) => order(a.nodes[0] ?? '') - order(b.nodes[0] ?? ''));

  for (const { nodes, closing } of cycles) {
    const start = nodes[0] ?? '';
    const text = [...nodes, start].join(' → ');
    problems.push(
      error(
        'cycle',
        `These nodes form a cycle: ${text}. Remove one of its edges — each node runs at most once, after the nodes it depends on.`,
        closing ? ['edges', closing.index] : ['nodes', ctx.nodeIndex.get(start) ?? -1],
        { nodeId: start, edgeId: closing?.edge.id, related: nodes },
      ),
    );
  }
  return problems;
}

/** Breadth-first from `start` inside its component, back to `start`: the shortest cycle through it. */
function shortestCycle(
  ctx: ValidationContext,
  start: string,
  component: ReadonlySet<string>,
): { nodes: string[]; closing: LinkedEdge | undefined } {
  const parent = new Map<string, string>();
  const queue = [start];
  const visited = new Set([start]);
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] as string;
    for (const ref of ctx.outgoing.get(current) ?? []) {
      const next = ref.edge.target;
      if (!component.has(next)) continue;
      if (next === start) {
        const nodes = [current];
        for (let at = parent.get(current); at !== undefined; at = parent.get(at)) nodes.unshift(at);
        return { nodes, closing: ref };
      }
      if (!visited.has(next)) {
        visited.add(next);
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  // Unreachable for a real component; keep the component itself so nothing is lost.
  return { nodes: [...component], closing: undefined };
}

/**
 * Tarjan's algorithm, iterative so a long chain of nodes cannot overflow the call stack.
 * Returns the components in reverse topological order.
 */
export function stronglyConnectedComponents(ids: string[], successors: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: string[]; position: number }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      lowLink.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: successors(id), position: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.position < frame.next.length) {
        const next = frame.next[frame.position++] as string;
        if (!index.has(next)) enter(next);
        else if (onStack.has(next)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id) ?? 0, index.get(next) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.id, Math.min(lowLink.get(parent.id) ?? 0, lowLink.get(frame.id) ?? 0));
      if (lowLink.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}
