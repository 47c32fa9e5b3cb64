import { createFlowRun, type Flow, type FlowRun, type FlowTriggerEvent } from '@connectors/db';
import type { AppContext } from '../app-context';

/**
 * Creates a pending run of `flow` over a contact (its graph snapshotted) and hands it to the flow
 * dispatcher. A dispatcher fault is logged, not thrown: the run is `pending` in the database and the
 * local worker's poll picks it up anyway.
 */
export async function startFlowRun(
  ctx: AppContext,
  flow: Flow,
  options: { contactId: string | null; triggerEvent: FlowTriggerEvent; bulkRunId?: string | null },
): Promise<FlowRun> {
  const flowRun = await createFlowRun(ctx.db, flow.workspace_id, {
    flow_id: flow.id,
    contact_id: options.contactId,
    trigger_event: options.triggerEvent,
    flow_version: flow.version,
    graph_snapshot: flow.config,
    bulk_run_id: options.bulkRunId ?? null,
  });
  if (!flowRun) throw new Error(`flow ${flow.id} vanished while starting a run`);
  await dispatchFlowRunSafely(ctx, flowRun);
  return flowRun;
}

/** Hands a committed flow run to the dispatcher; a fault is logged (the poll finds the run anyway). */
export async function dispatchFlowRunSafely(ctx: AppContext, flowRun: FlowRun): Promise<void> {
  try {
    await ctx.flows.dispatchFlowRun(flowRun);
  } catch (error) {
    console.error(`[api] dispatching flow run ${flowRun.id} failed: ${(error as Error).message}`);
  }
}
