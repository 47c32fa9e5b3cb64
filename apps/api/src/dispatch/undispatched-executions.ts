import type { Executor } from '@connectors/db';

/**
 * Live executions still `pending` without a Trigger.dev run id, created more than `olderThanMs` ago:
 * their dispatch failed (the Trigger.dev API was unreachable) or its result was never stored. Oldest
 * first, across workspaces (only the dispatcher calls this).
 */
export async function listUndispatchedExecutions(
  db: Executor,
  options: { olderThanMs: number; limit: number },
): Promise<{ id: string }[]> {
  return db
    .selectFrom('connector_executions')
    .select('id')
    .where('status', '=', 'pending')
    .where('trigger_run_id', 'is', null)
    .where('mode', '=', 'live')
    .where('created_at', '<=', new Date(Date.now() - Math.max(0, options.olderThanMs)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit)
    .execute();
}
