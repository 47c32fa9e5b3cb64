import { parseGraph } from '@connectors/engine';
import type { Execution, StepExecuted } from '../api/executions.api';

/** One field of a node in two runs. */
export interface FieldDiff {
  path: string;
  a: unknown;
  b: unknown;
  same: boolean;
  /** A field that differs in every pair of runs (as timings do): shown, never counted as a difference. */
  expected?: boolean;
}

/**
 * Fields that differ between any two runs: the idempotency key sent with each request is made of the
 * run's id, and a server dates its response.
 */
const ALWAYS_DIFFERENT = [/^request\.headers\.idempotency-key$/i, /^response\.headers\.date$/i];

/** A node of the connector in two runs: its steps, and its fields side by side. */
export interface NodeComparison {
  nodeId: string;
  name: string;
  a: StepExecuted | undefined;
  b: StepExecuted | undefined;
  fields: FieldDiff[];
  /** How many fields differ (timings and the fields that always differ never count). */
  differences: number;
}

const MAX_FIELDS = 400;

/** A body as JSON when it is JSON text, so its fields compare one by one. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** `{ a: { b: [1] } }` → `a.b[0] = 1`; empty objects and arrays stay leaves. */
export function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (out.size >= MAX_FIELDS) return out;
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, i) => {
      flatten(item, `${prefix}[${i}]`, out);
    });
  } else if (value && typeof value === 'object' && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) {
      const safe = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
      flatten(inner, prefix ? `${prefix}.${safe}` : safe, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** What a step did, flattened: its outcome, and its last attempt's request and response. */
export function stepFields(step: StepExecuted | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!step) return out;
  out.set('status', step.status);
  out.set('handle', step.handle);
  out.set('attempts', step.attempts.length);
  const last = step.attempts[step.attempts.length - 1];
  if (last) {
    out.set('request.method', last.request.method);
    out.set('request.url', last.request.url);
    flatten(last.request.headers, 'request.headers', out);
    if (last.request.body !== null) flatten(parsed(last.request.body), 'request.body', out);
    out.set('response.status', last.response?.status ?? null);
    if (last.response) {
      flatten(last.response.headers, 'response.headers', out);
      flatten(parsed(last.response.body), 'response.body', out);
    }
  }
  if (step.error) out.set('error', step.error.message);
  if (Object.keys(step.edge_values ?? {}).length) flatten(step.edge_values, 'carried', out);
  if (step.attempts.length === 0 && step.output !== null && step.output !== undefined) {
    flatten(step.output, 'output', out);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of one node in both runs, in a stable order (run A's first). */
export function compareSteps(a: StepExecuted | undefined, b: StepExecuted | undefined): FieldDiff[] {
  const left = stepFields(a);
  const right = stepFields(b);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths.map((path) => {
    const diff: FieldDiff = {
      path,
      a: left.get(path),
      b: right.get(path),
      same: same(left.get(path), right.get(path)),
    };
    if (!diff.same && ALWAYS_DIFFERENT.some((re) => re.test(path))) diff.expected = true;
    return diff;
  });
}

/** Every node of either run's graph, in graph order, compared field by field. */
export function compareRuns(a: Execution, b: Execution): NodeComparison[] {
  const nodes = [a, b].flatMap((run) => parseGraph(run.graph_snapshot).graph?.nodes ?? []);
  const stepsA = new Map((a.steps_executed ?? []).map((s) => [s.step_id, s]));
  const stepsB = new Map((b.steps_executed ?? []).map((s) => [s.step_id, s]));
  const names = new Map<string, string>();
  for (const n of nodes) if (!names.has(n.id)) names.set(n.id, n.data.name || n.id);
  for (const s of [...stepsA.values(), ...stepsB.values()])
    if (!names.has(s.step_id)) names.set(s.step_id, s.step_name);
  return [...names.entries()].map(([nodeId, name]) => {
    const fields = compareSteps(stepsA.get(nodeId), stepsB.get(nodeId));
    return {
      nodeId,
      name,
      a: stepsA.get(nodeId),
      b: stepsB.get(nodeId),
      fields,
      differences: fields.filter((f) => !f.same && !f.expected).length,
    };
  });
}
