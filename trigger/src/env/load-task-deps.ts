import type { RunnerDeps } from '@connectors/runner';
import { AbortTaskRunError, logger } from '@trigger.dev/sdk';
import { TaskConfigError } from './task-env';
import { taskRunnerDeps } from './task-runner-deps';

/** The runner's messages go to the run's log in Trigger.dev (they never hold secrets). */
const taskLogger = {
  warn: (message: string) => logger.warn(message),
  error: (message: string) => logger.error(message),
};

/**
 * The runner's deps for a task run; a missing or malformed variable aborts the run (no retry can fix
 * the deployment's configuration).
 */
export async function loadTaskRunnerDeps(): Promise<RunnerDeps> {
  try {
    return await taskRunnerDeps(taskLogger);
  } catch (error) {
    if (error instanceof TaskConfigError) throw new AbortTaskRunError(error.message);
    throw error;
  }
}
