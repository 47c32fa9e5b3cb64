import { NODE_ID_PATTERN, RESERVED_SCOPE_NAMES } from '../graph';
import type { ValidationContext } from './context';
import { error, type GraphProblem } from './problem';

const RESERVED: ReadonlySet<string> = new Set(RESERVED_SCOPE_NAMES);

/** Node ids are the names templates use (`{{step_1.x}}`), so they must be unique, plain and not a scope root. */
export function checkIds(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const seenNodes = new Set<string>();
  ctx.graph.nodes.forEach((node, index) => {
    const path = ['nodes', index, 'id'];
    if (seenNodes.has(node.id)) {
      problems.push(
        error(
          'duplicate_node_id',
          `Another node already has the id '${node.id}': give this one a unique id.`,
          path,
          {
            nodeId: node.id,
          },
        ),
      );
    }
    seenNodes.add(node.id);
    if (!NODE_ID_PATTERN.test(node.id)) {
      problems.push(
        error(
          'invalid_node_id',
          `The id '${node.id}' is not a plain name: use letters, digits and _ and do not start with a digit (e.g. step_1).`,
          path,
          { nodeId: node.id },
        ),
      );
    } else if (RESERVED.has(node.id)) {
      problems.push(
        error(
          'reserved_node_id',
          `'${node.id}' is a reserved scope name (${RESERVED_SCOPE_NAMES.join(', ')}): rename the node.`,
          path,
          { nodeId: node.id },
        ),
      );
    }
  });

  const seenEdges = new Set<string>();
  ctx.graph.edges.forEach((edge, index) => {
    if (seenEdges.has(edge.id)) {
      problems.push(
        error(
          'duplicate_edge_id',
          `Another edge already has the id '${edge.id}': give this one a unique id.`,
          ['edges', index, 'id'],
          { edgeId: edge.id },
        ),
      );
    }
    seenEdges.add(edge.id);
  });
  return problems;
}
