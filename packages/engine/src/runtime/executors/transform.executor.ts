import { compileExpression } from '../../expressions';
import type { TransformNode } from '../../graph/nodes/transform-node.schema';
import type { NodeExecutionContext, NodeOutcome } from '../executor';
import { failedOutcome } from './failed-outcome';

/** Computes each named value over the scope; mappings out of it see the scope plus those values. */
export async function executeTransform(ctx: NodeExecutionContext<TransformNode>): Promise<NodeOutcome> {
  const values: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(ctx.node.data.values)) {
    try {
      const value = await compileExpression(source).evaluate(ctx.scope);
      values[name] = value === undefined ? null : value;
    } catch (err) {
      return failedOutcome(err, ['data', 'values', name], ctx.scope);
    }
  }
  return { status: 'success', output: values, mappingInput: { ...ctx.scope, ...values } };
}
