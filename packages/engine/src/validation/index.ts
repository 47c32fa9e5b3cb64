export { PROBLEM_CODES, type ProblemCode } from './codes';
export { DEFAULT_VALIDATE_OPTIONS, type ValidateOptions } from './context';
export { type NodeExpressionSite, nodeExpressions } from './node-expressions';
export { parseGraph } from './parse-graph';
export type { ConnectFix, GraphProblem, ProblemPath, ValidationResult } from './problem';
export { validateGraph } from './validate-graph';
export { formatPath, zodIssuesToProblems } from './zod-problems';
