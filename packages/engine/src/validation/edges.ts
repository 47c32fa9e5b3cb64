import { effectiveSourceHandle, nodeTypeDefinition } from '../graph';
import type { ValidationContext } from './context';
import { error, type GraphProblem } from './problem';
import { closestName } from './suggest';

/** Edge endpoints and handles: every edge must join two existing nodes through a handle the source has. */
export function checkEdges(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const seen = new Set<string>();
  const ids = [...ctx.nodeById.keys()];

  ctx.graph.edges.forEach((edge, index) => {
    const at = (field: string) => ['edges', index, field];
    const extra = { edgeId: edge.id };
    const source = ctx.nodeById.get(edge.source);
    const target = ctx.nodeById.get(edge.target);

    if (!source) {
      problems.push(
        error('unknown_edge_source', unknownNode('starts at', edge.source, ids), at('source'), extra),
      );
    }
    if (!target) {
      problems.push(
        error('unknown_edge_target', unknownNode('ends at', edge.target, ids), at('target'), extra),
      );
    }
    if (source && edge.source === edge.target) {
      problems.push(
        error('self_loop', `This edge leads from ${edge.source} back into itself: remove it.`, at('target'), {
          ...extra,
          nodeId: edge.source,
        }),
      );
    }

    if (source) {
      const definition = nodeTypeDefinition(source.type);
      const handles = definition?.sourceHandles ?? [];
      if (edge.sourceHandle && !handles.includes(edge.sourceHandle)) {
        problems.push(
          error(
            'unknown_source_handle',
            `${edge.source} has no '${edge.sourceHandle}' output: use one of ${handles.join(', ')}.`,
            at('sourceHandle'),
            extra,
          ),
        );
      } else if (!edge.sourceHandle && definition?.requiresSourceHandle) {
        problems.push(
          error(
            'missing_source_handle',
            `An edge out of ${definition.label.toLowerCase()} ${edge.source} must say which branch it follows: ${handles.join(' or ')}.`,
            at('sourceHandle'),
            extra,
          ),
        );
      }
    }

    if (target) {
      const definition = nodeTypeDefinition(target.type);
      if (target.type === 'trigger') {
        problems.push(
          error(
            'edge_into_trigger',
            'Nothing can lead into the trigger: it is where the flow starts.',
            at('target'),
            extra,
          ),
        );
      } else if (definition && !definition.acceptsInput) {
        problems.push(
          error(
            'target_accepts_no_input',
            `A ${definition.label} node takes no incoming edges: remove this edge.`,
            at('target'),
            extra,
          ),
        );
      }
    }

    // Two edges with the same source, handle and target would carry the same activation twice.
    const handle = source ? effectiveSourceHandle(source.type, edge.sourceHandle) : (edge.sourceHandle ?? '');
    const key = JSON.stringify([edge.source, handle, edge.target]);
    if (seen.has(key)) {
      problems.push(
        error(
          'duplicate_edge',
          `There is already an edge from ${edge.source} (${handle}) to ${edge.target}: remove this one and merge its mapping into the other.`,
          ['edges', index],
          extra,
        ),
      );
    }
    seen.add(key);
  });
  return problems;
}

function unknownNode(verb: string, id: string, ids: string[]): string {
  const suggestion = closestName(id, ids);
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  return `This edge ${verb} '${id}', which is not a node of this graph: reconnect or remove it.${hint}`;
}
