import { queue } from '@trigger.dev/sdk';

/**
 * Runs of one workspace that may execute at once, per task. Every trigger passes the workspace id as
 * `concurrencyKey`, so each workspace gets its own pool of this size: a workspace that enqueues
 * thousands of runs waits on its own pool and cannot starve the others.
 */
export const CONNECTOR_RUNS_PER_WORKSPACE = 10;
export const FLOW_RUNS_PER_WORKSPACE = 5;

/** The queue connector executions wait in (one copy per `concurrencyKey`, i.e. per workspace). */
export const connectorRunsQueue = queue({ name: 'connector-runs' });

/** The queue flow runs and bulk runs wait in (one copy per workspace). */
export const flowRunsQueue = queue({ name: 'flow-runs' });

/** The trigger options that put a run in its workspace's pool. */
export function workspaceConcurrency(workspaceId: string): { concurrencyKey: string } {
  return { concurrencyKey: workspaceId };
}
