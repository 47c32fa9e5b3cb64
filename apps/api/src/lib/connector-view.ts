import type { Connector } from '@connectors/db';
import {
  type FieldMappings,
  type Graph,
  type GraphProblem,
  type InputSchema,
  inputSchemaSchema,
  LruCache,
  parseGraph,
  validateGraph,
} from '@connectors/engine';
import type { z } from 'zod';
import type { connectorSchema, problemSchema } from '../schemas/connector.schema';
import { dottedPath } from './problem-path';

/** A connector as the API returns it (snake_case, as the seed's table). */
export type ConnectorView = z.infer<typeof connectorSchema>;
/** One graph problem as the API returns it. */
export type ProblemView = z.infer<typeof problemSchema>;

/**
 * A graph problem for a response: the engine's fields, with the path dotted and prefixed by where the
 * graph sits in the resource (`config.nodes.2.data.url`). Exported so the 422 of execute/test can list
 * problems exactly as connector responses do.
 */
export function problemView(problem: GraphProblem, prefix: (string | number)[] = ['config']): ProblemView {
  return {
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    path: dottedPath([...prefix, ...problem.path]),
    ...(problem.nodeId !== undefined ? { nodeId: problem.nodeId } : {}),
    ...(problem.edgeId !== undefined ? { edgeId: problem.edgeId } : {}),
    ...(problem.related !== undefined ? { related: problem.related } : {}),
    ...(problem.fix !== undefined ? { fix: problem.fix } : {}),
  };
}

/** The stored `input_schema`, or undefined when there is none (or it no longer parses). */
export function storedInputSchema(value: unknown): InputSchema | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = inputSchemaSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The output node's field mappings: the truth that `field_mappings` mirrors (empty without one). */
export function outputFieldMappings(graph: Graph): FieldMappings {
  const output = graph.nodes.find((node) => node.type === 'output');
  return output?.type === 'output' ? output.data.fieldMappings : {};
}

/** A stored graph's parse and validation, as `connectorProblems` returns it. */
export interface CheckedGraph {
  graph?: Graph;
  ok: boolean;
  problems: GraphProblem[];
}

/**
 * Checks of saved connector versions. A saved version never changes: every edit bumps `version` and
 * `updated_at` (`updateConnector`), so (id, version, updated_at) names one graph and one input schema.
 * Executing a connector then parses and validates its graph once per version, not once per run. The
 * cached graph is deep-frozen: what reads it can never change what the next run gets.
 */
const checkedVersions = new LruCache<string, CheckedGraph>(512);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function checkGraph(row: Pick<Connector, 'config' | 'input_schema'>): CheckedGraph {
  const parsed = parseGraph(row.config);
  if (!parsed.graph) return { ok: false, problems: parsed.problems };
  const inputNames = storedInputSchema(row.input_schema)?.fields.map((field) => field.name);
  const result = validateGraph(parsed.graph, inputNames ? { inputNames } : {});
  return { graph: parsed.graph, ok: result.ok, problems: result.problems };
}

/**
 * Validates a stored connector's graph: what keeps it from running (errors) or looks wrong (warnings).
 * `ok` is what execute and test check before running (422 otherwise). A row with its id, version and
 * `updated_at` is checked once per saved version (the result is shared and frozen); without them (a
 * graph not saved yet) it is checked every time.
 */
export function connectorProblems(
  row: Pick<Connector, 'config' | 'input_schema'> & Partial<Pick<Connector, 'id' | 'version' | 'updated_at'>>,
): CheckedGraph {
  if (row.id === undefined || row.version === undefined || !(row.updated_at instanceof Date)) {
    return checkGraph(row);
  }
  const key = `${row.id}:${row.version}:${row.updated_at.getTime()}`;
  const cached = checkedVersions.get(key);
  if (cached) return cached;
  const checked = deepFreeze(checkGraph(row));
  checkedVersions.set(key, checked);
  return checked;
}

const iso = (date: Date) => date.toISOString();

/**
 * The API's view of a connector row. `problems` are computed from the stored graph on every read (the
 * validator is pure and fast), so they never go stale; `extraProblems` adds what only the write saw (the
 * seed conversion's warnings, whose paths point into the request body).
 */
export function connectorView(row: Connector, extraProblems: ProblemView[] = []): ConnectorView {
  const checked = connectorProblems(row);
  const total = row.total_executions;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    category: row.category,
    type: row.type === 'multi-step' ? 'multi-step' : 'single-step',
    config: row.config as Record<string, unknown>,
    input_schema: storedInputSchema(row.input_schema) ?? null,
    field_mappings: checked.graph ? outputFieldMappings(checked.graph) : {},
    enabled: row.enabled,
    timeout_ms: row.timeout_ms,
    max_retries: row.max_retries,
    continue_on_error: row.continue_on_error,
    version: row.version,
    total_executions: total,
    successful_executions: row.successful_executions,
    failed_executions: row.failed_executions,
    success_rate: total > 0 ? Math.round((row.successful_executions / total) * 10_000) / 10_000 : null,
    last_executed_at: row.last_executed_at ? iso(row.last_executed_at) : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    problems: [...extraProblems, ...checked.problems.map((problem) => problemView(problem))],
  };
}
