import type { GraphProblem } from '@connectors/engine';
import type { ProblemDetail } from '../errors/api-error';

/** `['config', 'nodes', 2, 'data', 'url']` → `config.nodes.2.data.url` (the 400 details' path style). */
export function dottedPath(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/** Graph problems as 400 details, each path prefixed with where the graph sits in the body. */
export function problemDetails(
  problems: readonly GraphProblem[],
  prefix: (string | number)[] = [],
): ProblemDetail[] {
  return problems.map((problem) => ({
    path: dottedPath([...prefix, ...problem.path]),
    message: problem.message,
    code: problem.code,
  }));
}
