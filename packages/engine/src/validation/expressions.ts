import { type GraphNode, nodeTypeDefinition } from '../graph';
import { analyzeExpression, type SyntaxIssue } from './analyze-expression';
import type { ValidationContext } from './context';
import { fieldLabel } from './field-labels';
import { expressionTooLong } from './limits';
import { nodeExpressions } from './node-expressions';
import { error, type GraphProblem, type ProblemPath } from './problem';
import { checkReference, type ReferenceSite } from './references';

/** Length, syntax and references of every template and expression in nodes and edge mappings. */
export function checkExpressions(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];

  ctx.graph.nodes.forEach((node, index) => {
    for (const site of nodeExpressions(node)) {
      const path = ['nodes', index, ...site.path];
      const label = fieldLabel(site.path);
      problems.push(
        ...checkSource(
          ctx,
          site.source,
          site.kind,
          { path, label, scope: node },
          site.disabled ? undefined : node,
        ),
      );
    }
  });

  ctx.graph.edges.forEach((edge, index) => {
    const source = ctx.nodeById.get(edge.source);
    for (const [name, expression] of Object.entries(edge.data?.mapping ?? {})) {
      const path = ['edges', index, 'data', 'mapping', name];
      const label = fieldLabel(['mapping', name]);
      // Out of an http (or connector) node `$` is its result, so there is no scope to check against.
      const scope = source && nodeTypeDefinition(source.type)?.mappingInput === 'scope' ? source : undefined;
      const localNames =
        source?.type === 'transform' ? new Set(Object.keys(source.data.values ?? {})) : undefined;
      const site = {
        path,
        label,
        scope: source ?? placeholderScope(edge.source),
        edgeId: edge.id,
        localNames,
      };
      problems.push(...checkSource(ctx, expression, 'jsonata', site, scope));
    }
  });
  return problems;
}

/** Length, then syntax, then (when `scope` is given) each distinct root path the source reads. */
function checkSource(
  ctx: ValidationContext,
  source: string,
  kind: 'template' | 'jsonata',
  site: ReferenceSite,
  scope: GraphNode | undefined,
): GraphProblem[] {
  const extra = { nodeId: site.scope.id, ...(site.edgeId ? { edgeId: site.edgeId } : {}) };
  const tooLong = expressionTooLong(ctx, source, site.label, site.path, extra);
  if (tooLong) return [tooLong];

  const analysis = analyzeExpression(source, kind, ctx.maxExpressionLength);
  const problems = analysis.issues.map((issue) => syntaxProblem(issue, site.label, site.path, extra));
  if (!scope) return problems;

  const seen = new Set<string>();
  for (const reference of analysis.references) {
    // Only the root and first field matter for scope checks; deeper paths repeat the same verdict.
    const key = JSON.stringify(reference.slice(0, 2));
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(...checkReference(ctx, reference, { ...site, scope }));
  }
  return problems;
}

function syntaxProblem(
  issue: SyntaxIssue,
  label: string,
  path: ProblemPath,
  extra: { nodeId?: string; edgeId?: string },
): GraphProblem {
  const Label = label.charAt(0).toUpperCase() + label.slice(1);
  const where = issue.position === undefined ? '' : ` at position ${issue.position}`;
  const message =
    issue.code === 'missing_expression'
      ? `${Label} is empty: write a JSONata expression.`
      : issue.code === 'template_syntax'
        ? `${Label} has a broken {{ }} template: ${issue.detail}.`
        : issue.code === 'expression_not_allowed'
          ? `${Label} uses something expressions may not${where}: ${issue.detail}.`
          : `${Label} has a JSONata syntax error${where}: ${issue.detail}. Fix the expression.`;
  return error(issue.code, message, path, extra);
}

/** Edges from an unknown node still get their syntax checked; this stands in for the missing source. */
function placeholderScope(id: string): GraphNode {
  return { id, type: 'transform', position: { x: 0, y: 0 }, data: { name: '', values: {} } };
}
