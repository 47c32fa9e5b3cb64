import type { ValidationContext } from './context';
import { error, type GraphProblem } from './problem';

/**
 * Nodes with no incoming edge start at once, so a stray node would call its API on its own; in flows
 * everything must hang off the trigger.
 */
export function checkConnectivity(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  if (ctx.graph.nodes.length <= 1) return problems;

  const touched = new Set<string>();
  for (const edge of ctx.graph.edges) {
    touched.add(edge.source);
    touched.add(edge.target);
  }
  const isolated = new Set<string>();
  for (const [id, index] of ctx.nodeIndex) {
    if (touched.has(id)) continue;
    isolated.add(id);
    const consequence = ctx.nodeById.get(id)?.type === 'http' ? 'call its API' : 'run';
    problems.push(
      error(
        'isolated_node',
        `${id} is not connected to anything, so it would ${consequence} on its own: connect it or remove it.`,
        ['nodes', index],
        { nodeId: id },
      ),
    );
  }

  if (ctx.kind === 'flow') {
    const triggers = ctx.graph.nodes.filter((node) => node.type === 'trigger');
    const trigger = triggers[0];
    if (triggers.length === 1 && trigger) {
      const reached = new Set([trigger.id]);
      const queue = [trigger.id];
      for (let head = 0; head < queue.length; head++) {
        for (const ref of ctx.outgoing.get(queue[head] as string) ?? []) {
          if (reached.has(ref.edge.target)) continue;
          reached.add(ref.edge.target);
          queue.push(ref.edge.target);
        }
      }
      for (const [id, index] of ctx.nodeIndex) {
        if (reached.has(id) || isolated.has(id)) continue;
        problems.push(
          error(
            'unreachable_from_trigger',
            `${id} cannot be reached from the trigger, so it would run on its own: connect it after the trigger or a node that follows it.`,
            ['nodes', index],
            { nodeId: id },
          ),
        );
      }
    }
  }
  return problems;
}
