import { renderTemplate } from '../../expressions';
import type { FieldMappings, WriteMode } from '../../graph/common.schema';
import type { NodeExecutionContext, NodeOutcome } from '../executor';
import { failedOutcome } from './failed-outcome';

export type OutputFields = Record<string, { value: unknown; write: WriteMode }>;

/**
 * Evaluates field mappings onto the contact. Only values that exist are kept: a `null` leaves that
 * contact field untouched (DESIGN §3).
 */
export async function evaluateFieldMappings(
  mappings: FieldMappings,
  scope: Record<string, unknown>,
): Promise<OutputFields> {
  const fields: OutputFields = {};
  for (const [field, mapping] of Object.entries(mappings)) {
    const template = typeof mapping === 'string' ? mapping : mapping.template;
    const write = typeof mapping === 'string' ? 'overwrite' : mapping.write;
    let value: unknown;
    try {
      value = await renderTemplate(template, scope, { mode: 'typed' });
    } catch (err) {
      throw Object.assign(err instanceof Error ? err : new Error(String(err)), { fieldPath: field });
    }
    if (value === null || value === undefined) continue;
    fields[field] = { value, write };
  }
  return fields;
}

export async function executeOutput(
  ctx: NodeExecutionContext<Extract<NodeExecutionContext['node'], { type: 'output' | 'update_contact' }>>,
): Promise<NodeOutcome> {
  try {
    const fields = await evaluateFieldMappings(ctx.node.data.fieldMappings, ctx.scope);
    return { status: 'success', output: fields, mappingInput: ctx.scope };
  } catch (err) {
    const field = (err as { fieldPath?: string }).fieldPath;
    return failedOutcome(err, ['data', 'fieldMappings', ...(field ? [field] : [])], ctx.scope);
  }
}
