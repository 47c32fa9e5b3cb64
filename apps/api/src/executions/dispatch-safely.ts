import type { AppContext } from '../app-context';

/**
 * Hands a committed execution to the dispatcher. A dispatcher fault is logged, not answered: the row is
 * `pending` in the database, and the worker's poll picks it up anyway.
 */
export async function dispatchSafely(ctx: AppContext, executionId: string): Promise<void> {
  try {
    await ctx.dispatcher.dispatch(executionId);
  } catch (error) {
    console.error(`[api] dispatching execution ${executionId} failed: ${(error as Error).message}`);
  }
}
