import { compileExpression } from '../../expressions';
import type { ConditionNode } from '../../graph/nodes/condition-node.schema';
import type { NodeExecutionContext, NodeOutcome } from '../executor';
import { failedOutcome } from './failed-outcome';
import { jsonataBoolean } from './jsonata-boolean';

/** Evaluates the condition and leaves through `true` or `false`; its scope is passed on to the mappings. */
export async function executeCondition(ctx: NodeExecutionContext<ConditionNode>): Promise<NodeOutcome> {
  try {
    const value = await compileExpression(ctx.node.data.expression).evaluate(ctx.scope);
    const result = jsonataBoolean(value);
    return { status: 'success', handle: String(result), output: result, mappingInput: ctx.scope };
  } catch (err) {
    return failedOutcome(err, ['data', 'expression'], ctx.scope);
  }
}
