import { type FlowTriggerEvent, listEnabledFlowsForEvent } from '@connectors/db';
import type { AppContext } from '../app-context';
import { flowProblems } from '../lib/flow-view';
import { startFlowRun } from './start-flow-run';

/**
 * Starts the workspace's enabled flows listening to a contact event (DESIGN §3b), one flow run each,
 * after a contact was created or updated through the API. Only API writes start flows: a run's own
 * writes (a connector's output, a flow's update_contact node) go through the runner, never through
 * here, so a flow that updates its contact on `contact.updated` cannot start itself again. A flow whose
 * graph cannot run is left out (it shows its problems in the builder). Faults are logged, never
 * answered: the contact write already succeeded.
 *
 * @returns the ids of the flow runs started.
 */
export async function startContactTriggeredFlows(
  ctx: AppContext,
  workspaceId: string,
  event: Exclude<FlowTriggerEvent, 'manual'>,
  contactId: string,
): Promise<string[]> {
  const started: string[] = [];
  try {
    const flows = await listEnabledFlowsForEvent(ctx.db, workspaceId, event);
    for (const flow of flows) {
      if (!flowProblems(flow.config).ok) continue;
      const flowRun = await startFlowRun(ctx, flow, { contactId, triggerEvent: event });
      started.push(flowRun.id);
    }
  } catch (error) {
    console.error(
      `[flows] starting the ${event} flows of contact ${contactId} failed: ${(error as Error).message}`,
    );
  }
  return started;
}
