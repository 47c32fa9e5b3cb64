import type { RunnerDeps } from '@connectors/runner';
import { runInMockTaskContext } from '@trigger.dev/core/v3/test';
import { metadata } from '@trigger.dev/sdk';
import { type ExecuteConnectorOutput, runExecuteConnector } from '../../src';

/** What one attempt of the task did: its result or what it threw, and the run metadata it left. */
export interface AttemptResult {
  output?: ExecuteConnectorOutput;
  error?: unknown;
  metadata: Record<string, unknown> | undefined;
}

/**
 * Runs one attempt of `execute-connector`'s body under Trigger.dev's mock task context: `ctx.run.id` is
 * the run id (the lease's worker id), `metadata` is the SDK's, backed by the test metadata manager.
 * `during` runs alongside the attempt, inside the context (to read progress while it runs).
 */
export function runAttempt(
  runner: RunnerDeps,
  executionId: string,
  options: {
    runId: string;
    attempt?: number;
    signal?: AbortSignal;
    during?: () => Promise<void>;
  },
): Promise<AttemptResult> {
  return runInMockTaskContext(
    async ({ ctx }) => {
      const attempt = runExecuteConnector(
        { executionId },
        { runId: ctx.run.id, ...(options.signal ? { signal: options.signal } : {}) },
        { runner, progress: metadata },
      );
      const watching = options.during?.();
      let result: AttemptResult;
      try {
        result = { output: await attempt, metadata: undefined };
      } catch (error) {
        result = { error, metadata: undefined };
      }
      await watching;
      return { ...result, metadata: metadata.current() };
    },
    { ctx: { run: { id: options.runId }, attempt: { number: options.attempt ?? 1 } } },
  );
}
