import {
  type Executor,
  type LeaseToken,
  type NodeResultInput,
  type NodeResultWrite,
  type NodeResultWriter,
  recordNodeResults,
  setExecutionCurrentStep,
} from '@connectors/db';
import type { Graph, NodeResult } from '@connectors/engine';
import type { RunRecorder } from '@connectors/engine/runtime';
import { nodeSecretReferences } from '../secrets/node-secret-references';
import type { RunSecretResolver } from '../secrets/secret-resolver';
import type { NextStepForecast } from './next-step';
import { nodeResultToRow } from './node-result-rows';
import type { RunEventSink } from './run-events';
import { RunInterrupt, type RunStop } from './run-interrupt';

/** The host a node's first answered request went to: proof its credentials reached that host. */
function answeredHost(result: NodeResult): string | undefined {
  const answered = result.attempts.find((a) => a.response !== null);
  if (!answered) return undefined;
  try {
    return new URL(answered.request.url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A node id as `current_step` holds it (at most 100 characters). */
export const stepId = (nodeId: string) => nodeId.slice(0, 100);

/**
 * The engine's recorder for one run: each finished node is one inserted row (never a rewrite), awaited
 * before its dependants start, which is what lets a crashed run resume without calling a completed step
 * again. While the run is being interrupted (shutdown, lost lease) only successes are kept: a failure
 * then is the interruption's doing, and must not be replayed as the step's result when the run resumes.
 *
 * `current_step` (the node being run, for display) costs no write of its own on a chain: the insert of
 * a finished node also names the node that starts because of it (`NextStepForecast`), and only a node
 * nobody announced — the first one, a branch joining others — is written when it starts.
 *
 * The result of a node nothing waits for and that called nothing (the output node, a skipped last node)
 * is not inserted on its own: `held()` hands it to the run's end, which records it in the statement that
 * finishes the run. Were the run to stop before that, the node simply runs again when it resumes — it
 * has no side effect to repeat.
 */
export function createRunRecorder(options: {
  db: Executor;
  workspaceId: string;
  lease: LeaseToken;
  graph: Graph;
  /** Follows the run to name the next node (built over the results the run resumes from). */
  forecast: NextStepForecast;
  /** The node already written as `current_step` before the engine started (see `getRunContext`). */
  announced?: string | undefined;
  stop: RunStop;
  secrets: RunSecretResolver;
  events?: RunEventSink | undefined;
  /** Shared with the process's other runs, to write results together (see `RunnerDeps.nodeResults`). */
  writer?: NodeResultWriter | undefined;
}): RunRecorder & { held(): NodeResultInput[] } {
  const { db, lease, stop, events } = options;
  const nodes = new Map(options.graph.nodes.map((n) => [n.id, n]));
  const sinks = new Set(options.graph.nodes.map((n) => n.id));
  for (const edge of options.graph.edges) sinks.delete(edge.source);
  const held: NodeResultInput[] = [];
  const { forecast } = options;
  // With a shared writer, results of the process's runs that finish together share one insert.
  const store = (write: NodeResultWrite) =>
    options.writer ? options.writer.record(write) : recordNodeResults(db, [write]);
  /** The node the last write named as `current_step`, until it starts. */
  let announced = options.announced;
  return {
    held: () => [...held],
    async nodeStarted(event) {
      events?.publish({ type: 'node.started', executionId: lease.executionId, ...event });
      if (announced === event.nodeId) {
        announced = undefined;
        return;
      }
      await setExecutionCurrentStep(db, { ...lease, currentStep: stepId(event.nodeId) });
    },
    async nodeFinished(result) {
      if (stop.kind && stop.kind !== 'cancel' && result.status !== 'success')
        throw new RunInterrupt(stop.kind);
      const row = nodeResultToRow(lease.executionId, options.workspaceId, result);
      const next = stop.kind ? undefined : forecast.finished(result);
      const type = nodes.get(result.nodeId)?.type;
      const pure = result.status === 'skipped' || type === 'output' || type === 'transform';
      if (!stop.kind && sinks.has(result.nodeId) && pure && result.attempts.length === 0) {
        held.push(row);
      } else {
        const step = next === undefined ? undefined : { ...lease, currentStep: stepId(next) };
        await store({ input: row, step });
        if (next !== undefined) announced = next;
      }
      const node = nodes.get(result.nodeId);
      const host = node?.type === 'http' ? answeredHost(result) : undefined;
      if (node && host) {
        const services = nodeSecretReferences(node)
          .map((reference) => options.secrets.serviceOf(reference))
          .filter((service): service is string => service !== undefined);
        if (services.length > 0) await options.secrets.bindOnFirstUse(services, host);
      }
      events?.publish({
        type: 'node.finished',
        executionId: lease.executionId,
        nodeId: result.nodeId,
        status: result.status,
      });
    },
  };
}
