import { getExecutionState } from '@connectors/db';
import { claimAndRunExecution } from '../run/claim-and-run';
import type { RunnerDeps } from '../run/runner-deps';
import type { RunChildExecution } from './flow-deps';

const FINAL = new Set(['success', 'partial', 'failed', 'timeout', 'cancelled']);
const POLL_MS = 100;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * `runChild` for a flow run carried out in this process (the local worker): the child execution is
 * claimed and run right here through the shared runner. When it cannot be claimed — the local worker
 * took the pending row first, or a previous attempt of this flow run is still running it — this waits
 * until the child has ended, whoever runs it.
 */
export function runChildInProcess(
  runner: RunnerDeps,
  workerId: string,
  signal?: AbortSignal,
): RunChildExecution {
  return async (child) => {
    const result = await claimAndRunExecution(runner, child.id, workerId, signal ? { signal } : {});
    if (result.outcome !== 'not_claimable' && result.outcome !== 'lease_lost') return;
    while (!signal?.aborted) {
      const state = await getExecutionState(runner.db, child.id);
      if (!state || FINAL.has(state.status)) return;
      await sleep(POLL_MS, signal);
    }
  };
}
