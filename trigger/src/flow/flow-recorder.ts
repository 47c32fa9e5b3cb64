import { type Executor, updateFlowRun } from '@connectors/db';
import type { NodeResult } from '@connectors/engine';
import type { RunRecorder } from '@connectors/engine/runtime';
import type { RunProgress } from '../progress/run-progress';

/**
 * The recorder of a flow run: every finished node is appended to `flow_runs.steps_executed` (a flow has
 * few nodes, so the whole list is written each time), awaited before dependants start, so a retried
 * attempt resumes without running a finished node again. Writes are serialised: parallel branches
 * finishing together must not overwrite each other's results.
 */
export function createFlowRecorder(options: {
  db: Executor;
  workspaceId: string;
  flowRunId: string;
  completed: NodeResult[];
  progress?: RunProgress | undefined;
}): RunRecorder & { steps(): NodeResult[] } {
  const steps = [...options.completed];
  let chain: Promise<unknown> = Promise.resolve();
  return {
    steps: () => [...steps],
    nodeStarted(event) {
      options.progress?.stepStarted(event.nodeId, event.nodeName);
    },
    async nodeFinished(result) {
      steps.push(result);
      const snapshot = [...steps];
      const write = chain.then(() =>
        updateFlowRun(options.db, options.workspaceId, options.flowRunId, { steps_executed: snapshot }),
      );
      chain = write.catch(() => undefined);
      await write;
      options.progress?.stepFinished(result.nodeId);
    },
  };
}
