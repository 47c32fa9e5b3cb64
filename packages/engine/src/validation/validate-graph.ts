import type { Graph } from '../graph';
import { checkConnectivity } from './connectivity';
import { createContext, type ValidateOptions, type ValidationContext } from './context';
import { checkCycles } from './cycles';
import { checkEdges } from './edges';
import { checkExpressions } from './expressions';
import { checkHttpNodes } from './http-fields';
import { checkIds } from './ids';
import { checkImpossibleJoins } from './join';
import { checkNodeCount } from './limits';
import { error, type GraphProblem, type ValidationResult } from './problem';
import { checkStructure } from './structure';

/** Each family of checks, in the order their problems are listed. */
const CHECKS: readonly ((ctx: ValidationContext) => GraphProblem[])[] = [
  checkNodeCount,
  checkIds,
  checkStructure,
  checkEdges,
  checkCycles,
  checkConnectivity,
  checkHttpNodes,
  checkExpressions,
  checkImpossibleJoins,
];

/**
 * Everything that keeps a graph (already shaped by `graphSchema`) from running as intended: ids, edges,
 * cycles, stray nodes, references between nodes, expression syntax, http fields and limits.
 * Returns every problem, never only the first, and never throws; `ok` is false when any is an error.
 *
 * @example
 * const { ok, problems } = validateGraph(graph, { inputNames: ['email'] });
 */
export function validateGraph(graph: Graph, options: ValidateOptions = {}): ValidationResult {
  const problems: GraphProblem[] = [];
  let ctx: ValidationContext;
  try {
    ctx = createContext(graph, options);
  } catch (cause) {
    return { ok: false, problems: [internalProblem('graph', cause)] };
  }
  for (const check of CHECKS) {
    // One family failing on a shape nobody foresaw must not hide the others' findings.
    try {
      problems.push(...check(ctx));
    } catch (cause) {
      problems.push(internalProblem(check.name, cause));
    }
  }
  return { ok: !problems.some((problem) => problem.severity === 'error'), problems };
}

function internalProblem(check: string, cause: unknown): GraphProblem {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return error(
    'validation_failed',
    `The graph could not be fully checked (${check}: ${detail}). Check its shape.`,
    [],
  );
}
