import { nodeTypeDefinition } from '../graph';
import type { ValidationContext } from './context';
import { error, type GraphProblem } from './problem';

/** Node types this kind of graph may hold, and the one-of rules (output, trigger). */
export function checkStructure(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const outputs: number[] = [];
  const triggers: number[] = [];

  ctx.graph.nodes.forEach((node, index) => {
    const definition = nodeTypeDefinition(node.type);
    if (!definition?.kinds.includes(ctx.kind)) {
      const where = ctx.kind === 'flow' ? 'a flow' : 'a connector';
      problems.push(
        error(
          'node_type_not_allowed',
          `A ${definition?.label ?? node.type} node cannot be used in ${where}: remove it or replace it.`,
          ['nodes', index, 'type'],
          { nodeId: node.id },
        ),
      );
    }
    if (node.type === 'output') outputs.push(index);
    if (node.type === 'trigger') triggers.push(index);
  });

  // The first output is the one kept; every further one is reported where it is.
  for (const index of outputs.slice(1)) {
    const node = ctx.graph.nodes[index];
    problems.push(
      error(
        'multiple_outputs',
        'A graph has at most one output node: merge the field mappings into one.',
        ['nodes', index],
        { nodeId: node?.id },
      ),
    );
  }

  if (ctx.kind === 'flow') {
    if (triggers.length === 0) {
      problems.push(
        error('missing_trigger', 'A flow needs a trigger node: add one to start the flow.', ['nodes']),
      );
    }
    for (const index of triggers.slice(1)) {
      problems.push(
        error('multiple_triggers', 'A flow has exactly one trigger: remove this one.', ['nodes', index], {
          nodeId: ctx.graph.nodes[index]?.id,
        }),
      );
    }
  }
  return problems;
}
