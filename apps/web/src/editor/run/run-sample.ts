import type { Execution, StepExecuted } from '../../api/executions.api';
import type { CanvasEdge, CanvasNode } from '../graph/canvas-types';

/** What an edge's mapping is evaluated against, taken from the last test run. */
export interface EdgeSample {
  /** `$` of the mapping. */
  input: unknown;
  bindings: Record<string, unknown>;
  /** Where the sample comes from, for the person reading the preview. */
  label: string;
}

/** The last attempt that got a response. */
export function lastResponse(step: StepExecuted | undefined) {
  if (!step) return null;
  for (let i = step.attempts.length - 1; i >= 0; i--) {
    const response = step.attempts[i]?.response;
    if (response) return response;
  }
  return null;
}

/**
 * The sample an edge out of `source` maps over (DESIGN §3): for an http node the response body with
 * `$status` and `$headers`; for any other node its scope as far as the run recorded it (inputs, the values
 * its incoming edges carried, a transform's computed values).
 */
export function edgeSample(
  run: Execution | null,
  steps: ReadonlyMap<string, StepExecuted>,
  source: CanvasNode | undefined,
  edges: readonly CanvasEdge[],
): EdgeSample | null {
  if (!run || !source) return null;
  const step = steps.get(source.id);
  if (!step || step.status === 'skipped') return null;
  if (source.type === 'http') {
    const response = lastResponse(step);
    if (!response) return null;
    return {
      input: response.body,
      bindings: { status: response.status, headers: response.headers },
      label: `${source.id}'s response in the last test run (HTTP ${response.status})`,
    };
  }
  const scope: Record<string, unknown> = { input: run.input_data };
  for (const edge of edges) {
    if (edge.target !== source.id) continue;
    const carried = steps.get(edge.source)?.edge_values?.[edge.id];
    if (carried) scope[edge.source] = { ...((scope[edge.source] as object | undefined) ?? {}), ...carried };
  }
  if (source.type === 'transform' && step.output && typeof step.output === 'object')
    Object.assign(scope, step.output);
  return { input: scope, bindings: {}, label: `${source.id}'s scope in the last test run` };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** JSONata paths into a sample value (`results[0].id`), breadth-first, for one-click mappings. */
export function samplePaths(value: unknown, limit = 40, maxDepth = 5): { path: string; value: unknown }[] {
  const out: { path: string; value: unknown }[] = [];
  const queue: { path: string; value: unknown; depth: number }[] = [{ path: '', value, depth: 0 }];
  while (queue.length && out.length < limit) {
    const item = queue.shift() as { path: string; value: unknown; depth: number };
    if (item.path) out.push({ path: item.path, value: item.value });
    if (item.depth >= maxDepth || !item.value || typeof item.value !== 'object') continue;
    if (Array.isArray(item.value)) {
      if (item.value.length)
        queue.push({ path: `${item.path}[0]`, value: item.value[0], depth: item.depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(item.value)) {
      const step = IDENT.test(key) ? key : `\`${key.replace(/`/g, '')}\``;
      queue.push({ path: item.path ? `${item.path}.${step}` : step, value: child, depth: item.depth + 1 });
    }
  }
  return out;
}

/** A mapping name for a path: its last name (`results[0].id` → `id`). */
export function nameForPath(path: string): string {
  const last = path.split('.').pop() ?? path;
  const clean = last
    .replace(/\[\d+\]/g, '')
    .replace(/`/g, '')
    .replace(/[^A-Za-z0-9_]/g, '_');
  return IDENT.test(clean) ? clean : `value_${clean}`;
}
