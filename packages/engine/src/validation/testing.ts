/**
 * Small builders for validation and seed tests, so each table row reads like the graph it describes.
 * Not part of the public API.
 */
import { expect } from 'vitest';
import { type Graph, type GraphInput, graphSchema } from '../graph';
import type { ValidateOptions } from './context';
import type { GraphProblem } from './problem';
import { validateGraph } from './validate-graph';

type NodeInput = GraphInput['nodes'][number];
type EdgeInput = NonNullable<GraphInput['edges']>[number];

export function http(id: string, data: Record<string, unknown> = {}): NodeInput {
  return {
    id,
    type: 'http',
    data: { name: id, method: 'GET', url: `https://api.example.com/${id}`, ...data },
  } as NodeInput;
}

export function condition(id: string, expression: string): NodeInput {
  return { id, type: 'condition', data: { name: id, expression } };
}

export function node(id: string, type: string, data: Record<string, unknown> = {}): NodeInput {
  return { id, type, data } as NodeInput;
}

export function edge(
  source: string,
  target: string,
  mapping: Record<string, string> = {},
  sourceHandle?: string,
  id = `e_${source}_${target}${sourceHandle ? `_${sourceHandle}` : ''}`,
): EdgeInput {
  return { id, source, target, ...(sourceHandle ? { sourceHandle } : {}), data: { mapping } };
}

/** Parses through `graphSchema` so defaults are filled in as they would be for a saved graph. */
export function graph(nodes: NodeInput[], edges: EdgeInput[] = []): Graph {
  return graphSchema.parse({ version: 1, nodes, edges });
}

/** `[code, path]` pairs, the part of a problem tests assert exactly. */
export function codesAndPaths(problems: GraphProblem[]): [string, (string | number)[]][] {
  return problems.map((problem) => [problem.code, problem.path]);
}

/** A row of a validation table: a graph and exactly the `[code, path]` problems it must produce. */
export interface ProblemCase {
  name: string;
  graph: Graph;
  options?: ValidateOptions;
  problems: [string, (string | number)[]][];
}

/** Codes that are warnings; every other code is an error. */
export const WARNING_CODES: ReadonlySet<string> = new Set([
  'unreachable_join',
  'empty_query_key',
  'short_timeout',
  'method_case',
  'body_ignored',
]);

/** Order-insensitive form of `[code, path]` lists, for exact comparison. */
export function sortProblems(list: [string, (string | number)[]][]): [string, (string | number)[]][] {
  return [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Runs one table row: exactly these codes at these paths, with `ok` false iff one is an error. */
export function expectCase(c: ProblemCase) {
  const result = validateGraph(c.graph, c.options);
  expect(sortProblems(codesAndPaths(result.problems))).toEqual(sortProblems(c.problems));
  expect(result.ok).toBe(c.problems.every(([code]) => WARNING_CODES.has(code)));
  for (const problem of result.problems) {
    expect(problem.severity).toBe(WARNING_CODES.has(problem.code) ? 'warning' : 'error');
    expect(problem.message.length).toBeGreaterThan(10);
  }
  return result;
}
