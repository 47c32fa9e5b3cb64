import { type Executor, withTransaction } from '@connectors/db';
import type { UpdateContactNode } from '@connectors/engine';
import {
  evaluateFieldMappings,
  type NodeExecutionContext,
  type NodeExecutor,
} from '@connectors/engine/runtime';
import { applyOutputToContact } from '../run/contact-writer';

/**
 * The executor of a flow's `update_contact` node: evaluates its field mappings over the scope and writes
 * them to the flow run's contact with the same rules as a connector's output node (columns, deep-merged
 * `metadata`, `write: "if_empty"`), in one short transaction that also records the changed fields in the
 * contact's history (by flow run and node). Its output is what it wrote, and the fields that changed.
 */
export function createUpdateContactExecutor(options: {
  db: Executor;
  workspaceId: string;
  flowRunId: string;
  contactId: string | null;
}): NodeExecutor {
  return async (ctx: NodeExecutionContext) => {
    const node = ctx.node as UpdateContactNode;
    const contactId = options.contactId;
    if (!contactId) {
      return {
        status: 'failed',
        mappingInput: ctx.scope,
        error: { code: 'no_contact', message: 'This flow run has no contact to update' },
      };
    }
    let fields: Awaited<ReturnType<typeof evaluateFieldMappings>>;
    try {
      fields = await evaluateFieldMappings(node.data.fieldMappings, ctx.scope);
    } catch (error) {
      const field = (error as { fieldPath?: string }).fieldPath;
      return {
        status: 'failed',
        mappingInput: ctx.scope,
        error: {
          code: 'expression',
          message: error instanceof Error ? error.message : String(error),
          path: ['data', 'fieldMappings', ...(field ? [field] : [])].join('.'),
        },
      };
    }
    const changes = await withTransaction(options.db, (trx) =>
      applyOutputToContact(trx, options.workspaceId, contactId, fields, {
        flowRunId: options.flowRunId,
        nodeId: node.id,
      }),
    );
    if (changes === false) {
      return {
        status: 'failed',
        mappingInput: ctx.scope,
        error: { code: 'contact_deleted', message: 'The contact was deleted during the flow run' },
      };
    }
    return { status: 'success', output: { fields, changes }, mappingInput: ctx.scope };
  };
}
