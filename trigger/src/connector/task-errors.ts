import { AbortTaskRunError } from '@trigger.dev/sdk';

/**
 * A failure no retry can fix (the execution is gone, its connector deleted or disabled, its graph
 * invalid, or it already ended elsewhere). Trigger.dev fails the run at once instead of retrying it.
 */
export function abortRun(message: string): AbortTaskRunError {
  return new AbortTaskRunError(message);
}

/**
 * A passing condition (another worker still holds the run, the worker was interrupted): thrown so that
 * Trigger.dev retries the attempt, which resumes the run from its persisted steps.
 */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
}
