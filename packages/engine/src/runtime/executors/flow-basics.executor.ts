import type { DelayNode } from '../../graph/nodes/delay-node.schema';
import type { NodeExecutionContext, NodeOutcome } from '../executor';

/** A flow's trigger only starts the flow; its scope (with `contact`) flows on. */
export async function executeTrigger(ctx: NodeExecutionContext): Promise<NodeOutcome> {
  return { status: 'success', mappingInput: ctx.scope };
}

export async function executeDelay(ctx: NodeExecutionContext<DelayNode>): Promise<NodeOutcome> {
  await ctx.ports.clock.sleep(ctx.node.data.seconds * 1000, ctx.signal);
  return { status: 'success', output: { seconds: ctx.node.data.seconds }, mappingInput: ctx.scope };
}
