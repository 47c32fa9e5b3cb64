import type { InputField } from '@connectors/engine';
import type { Connector } from '../../api/connectors.api';
import type { CanvasNode } from '../../editor/graph/canvas-types';
import { CONTACT_FIELDS } from '../../editor/templates/node-scope';

/** The drag payload naming which connector a dropped connector node runs. */
export const CONNECTOR_DRAG_TYPE = 'application/x-connectors-connector-id';

/**
 * The template a connector input starts with: the contact field of the same name when there is one
 * (`email` ← `{{contact.email}}`), so the usual enrichment needs no typing; otherwise empty.
 */
export function defaultInputTemplate(field: InputField): string {
  const name = field.name.toLowerCase();
  if ((CONTACT_FIELDS as readonly string[]).includes(name) && name !== 'metadata')
    return `{{contact.${name}}}`;
  if (name === 'company_name' || name === 'company') return '{{contact.company}}';
  return '';
}

/** A connector node for `connector`, its inputs prefilled from the contact. */
export function connectorNode(connector: Connector, position: { x: number; y: number }): CanvasNode {
  const inputs = Object.fromEntries(
    (connector.input_schema?.fields ?? []).map((field) => [field.name, defaultInputTemplate(field)]),
  );
  return {
    id: 'connector_1',
    type: 'connector',
    position,
    data: { name: connector.name, connectorId: connector.id, inputs },
  };
}

/** The graph a new flow starts with: its trigger, ready for the first step. */
export function newFlowConfig() {
  return {
    version: 1 as const,
    nodes: [
      {
        id: 'trigger',
        type: 'trigger' as const,
        position: { x: 0, y: 0 },
        data: { name: 'Contact created', event: 'contact.created' as const },
      },
    ],
    edges: [],
  };
}
