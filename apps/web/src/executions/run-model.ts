import type { Graph } from '@connectors/engine';
import type { Execution, StepExecuted } from '../api/executions.api';

/** A node's state in a run, as the run view paints it. */
export type NodeRunStatus = StepExecuted['status'];

export const FINAL_RUN_STATUSES = new Set(['success', 'partial', 'failed', 'timeout', 'cancelled']);

/** True while a run can still change (its events are worth following). */
export function isLive(execution: Pick<Execution, 'status'>): boolean {
  return !FINAL_RUN_STATUSES.has(execution.status);
}

/** A placeholder for a node that has not started (or not finished) yet. */
export function placeholderStep(
  node: { id: string; type: string; data: { name?: string } },
  status: 'pending' | 'running',
  startedAt: string | null = null,
): StepExecuted {
  return {
    step_id: node.id,
    step_name: node.data.name ?? node.id,
    step_type: node.type,
    status,
    handle: null,
    started_at: startedAt,
    finished_at: null,
    duration_ms: null,
    attempts: [],
    edge_values: {},
    output: null,
    error: null,
  };
}

/**
 * Every node of the run's graph with its step: the recorded ones, the ones running now (from
 * `node.started` events), and the rest `pending`. Recorded steps keep their finish order; the others
 * follow in graph order.
 */
export function stepsForGraph(
  graph: Graph | null,
  recorded: readonly StepExecuted[],
  running: ReadonlyMap<string, string>,
): StepExecuted[] {
  const byId = new Map(recorded.map((s) => [s.step_id, s]));
  const rest = (graph?.nodes ?? [])
    .filter((n) => !byId.has(n.id))
    .map((n) =>
      running.has(n.id)
        ? placeholderStep(n, 'running', running.get(n.id) || null)
        : placeholderStep(n, 'pending'),
    );
  return [...recorded, ...rest];
}

/** The node to open first: the first that failed, else the one running, else none. */
export function focusStep(steps: readonly StepExecuted[]): StepExecuted | undefined {
  return steps.find((s) => s.status === 'failed') ?? steps.find((s) => s.status === 'running');
}

/**
 * A step copied from the run this one retries ("retry from failed step"): it ran before this run was
 * created, and its API was not called again.
 */
export function isReused(execution: Pick<Execution, 'created_at' | 'retry_of'>, step: StepExecuted): boolean {
  if (!execution.retry_of || !step.started_at) return false;
  return new Date(step.started_at).getTime() < new Date(execution.created_at).getTime();
}

/** One bar of the waterfall: a node's time span, its attempts and the waits between them. */
export interface TimelineRow {
  step: StepExecuted;
  /** Reused from the retried run: drawn as a mark at the start, not on this run's time axis. */
  reused: boolean;
  /** Milliseconds from the run's start. */
  start: number;
  end: number;
  attempts: { attempt: number; start: number; end: number; failed: boolean }[];
  waits: { start: number; end: number }[];
}

export interface Timeline {
  rows: TimelineRow[];
  /** The span the axis covers, in milliseconds (never 0). */
  total: number;
}

const time = (iso: string | null | undefined) => (iso ? new Date(iso).getTime() : Number.NaN);

/**
 * The waterfall: one row per node that started, in start order, on one time axis from the run's start,
 * so branches that ran in parallel overlap. A running node's bar reaches `now`.
 */
export function buildTimeline(execution: Execution, steps: readonly StepExecuted[], now: number): Timeline {
  // Skipped nodes never start: they show as a mark where they were skipped.
  const reused = new Set(steps.filter((s) => isReused(execution, s)).map((s) => s.step_id));
  const started = steps.filter(
    (s) =>
      reused.has(s.step_id) ||
      Number.isFinite(time(s.started_at)) ||
      (s.status === 'skipped' && Number.isFinite(time(s.finished_at))),
  );
  const timed = started.filter((s) => !reused.has(s.step_id));
  const origin = Math.min(
    ...[time(execution.started_at), ...timed.map((s) => time(s.started_at ?? s.finished_at))].filter(
      Number.isFinite,
    ),
  );
  if (!Number.isFinite(origin)) return { rows: [], total: 1 };
  const rows = started
    .map((step): TimelineRow => {
      if (reused.has(step.step_id)) return { step, reused: true, start: 0, end: 0, attempts: [], waits: [] };
      const finished = time(step.finished_at);
      const start = (Number.isFinite(time(step.started_at)) ? time(step.started_at) : finished) - origin;
      const end = Number.isFinite(finished)
        ? finished - origin
        : step.duration_ms !== null
          ? start + step.duration_ms
          : Math.max(start, now - origin);
      const attempts = step.attempts.map((a, i) => {
        const s = time(a.started_at) - origin;
        return {
          attempt: a.attempt,
          start: s,
          end: s + a.duration_ms,
          failed: a.error !== null || (a.response?.status ?? 0) >= 400 || i < step.attempts.length - 1,
        };
      });
      const waits = step.attempts.flatMap((a, i) => {
        const next = step.attempts[i + 1];
        const s = time(a.started_at) - origin + a.duration_ms;
        if (next) return [{ start: s, end: time(next.started_at) - origin }];
        return a.retry_delay_ms ? [{ start: s, end: s + a.retry_delay_ms }] : [];
      });
      return { step, reused: false, start, end: Math.max(end, start), attempts, waits };
    })
    .sort((a, b) => Number(b.reused) - Number(a.reused) || a.start - b.start || a.end - b.end);
  // A run still going reaches `now`; one that ended, its completion.
  const runEnd = Number.isFinite(time(execution.completed_at))
    ? time(execution.completed_at) - origin
    : Number.isFinite(time(execution.started_at))
      ? now - origin
      : 0;
  const total = Math.max(
    1,
    runEnd,
    ...rows.map((r) => r.end),
    ...rows.flatMap((r) => r.waits.map((w) => w.end)),
  );
  return { rows, total };
}

/** Round tick steps for an axis of `total` milliseconds: about five ticks. */
export function axisTicks(total: number): number[] {
  const raw = total / 5;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = 0; t <= total + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** The edge values a node received: what the active edges into it carried, by source. */
export function receivedValues(
  graph: Graph | null,
  stepsById: ReadonlyMap<string, StepExecuted>,
  nodeId: string,
): { edgeId: string; source: string; values: Record<string, unknown> }[] {
  return (graph?.edges ?? [])
    .filter((e) => e.target === nodeId)
    .flatMap((e) => {
      const values = stepsById.get(e.source)?.edge_values?.[e.id];
      return values ? [{ edgeId: e.id, source: e.source, values }] : [];
    });
}
