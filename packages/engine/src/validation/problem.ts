/** A path into the graph JSON, e.g. `['nodes', 2, 'data', 'url']` or `['edges', 0, 'source']`. */
export type ProblemPath = (string | number)[];

/** A one-click repair the editor can offer: draw the missing edge. */
export interface ConnectFix {
  kind: 'connect';
  source: string;
  target: string;
  /** Button text, e.g. `Connect step_1 → step_3`. */
  label: string;
}

/** One thing wrong (or suspicious) in a graph, phrased for the person editing it. */
export interface GraphProblem {
  /** Stable machine-readable code, e.g. `cycle` or `missing_edge` (see `PROBLEM_CODES`). */
  code: string;
  /** Errors block running the graph; warnings never do. */
  severity: 'error' | 'warning';
  /** User-facing text that says what is wrong and what to do. */
  message: string;
  path: ProblemPath;
  nodeId?: string;
  edgeId?: string;
  /** Other node ids the problem involves, in order (a cycle's nodes), so the editor can highlight them. */
  related?: string[];
  fix?: ConnectFix;
}

export interface ValidationResult {
  /** True when there is no error-severity problem (warnings allowed). */
  ok: boolean;
  problems: GraphProblem[];
}

/** Builds an error problem; keeps call sites short. */
export function error(
  code: string,
  message: string,
  path: ProblemPath,
  extra: Partial<Omit<GraphProblem, 'code' | 'message' | 'path' | 'severity'>> = {},
): GraphProblem {
  return { code, severity: 'error', message, path, ...extra };
}

/** Builds a warning problem. */
export function warning(
  code: string,
  message: string,
  path: ProblemPath,
  extra: Partial<Omit<GraphProblem, 'code' | 'message' | 'path' | 'severity'>> = {},
): GraphProblem {
  return { code, severity: 'warning', message, path, ...extra };
}
