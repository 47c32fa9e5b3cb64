import type { ValidationContext } from './context';
import { error, type GraphProblem, type ProblemPath } from './problem';

/** Too many nodes make a graph slow to run and impossible to read. */
export function checkNodeCount(ctx: ValidationContext): GraphProblem[] {
  if (ctx.graph.nodes.length <= ctx.maxNodes) return [];
  return [
    error(
      'too_many_nodes',
      `This graph has ${ctx.graph.nodes.length} nodes; the limit is ${ctx.maxNodes}. Split it into smaller connectors.`,
      ['nodes'],
    ),
  ];
}

/** An over-long expression is reported instead of parsed, so validation stays fast on hostile input. */
export function expressionTooLong(
  ctx: ValidationContext,
  source: string,
  label: string,
  path: ProblemPath,
  extra: { nodeId?: string; edgeId?: string },
): GraphProblem | undefined {
  if (source.length <= ctx.maxExpressionLength) return undefined;
  return error(
    'expression_too_long',
    `${label.charAt(0).toUpperCase()}${label.slice(1)} is ${source.length} characters long; the limit is ${ctx.maxExpressionLength}. Shorten it or move the logic into a transform.`,
    path,
    extra,
  );
}
