import { memo } from 'react';
import type { Connector } from '../../api/connectors.api';
import { NODE_DRAG_TYPE, type PaletteItem, PaletteItems } from '../../editor/canvas/palette';
import type { CanvasNodeType } from '../../editor/graph/canvas-types';
import { useEditorStore } from '../../editor/store/editor-store';
import { IconBolt, IconBranch, IconClock, IconFunction, IconUserEdit } from '../../ui/icons';
import { useFlowConnectors } from '../flow-connectors';
import { CONNECTOR_DRAG_TYPE } from './flow-nodes';

type FlowStepType = Extract<
  CanvasNodeType,
  'trigger' | 'condition' | 'transform' | 'update_contact' | 'delay'
>;

const STEPS: PaletteItem<FlowStepType>[] = [
  { type: 'trigger', label: 'Trigger', hint: 'When the flow starts', icon: <IconBolt /> },
  { type: 'condition', label: 'Condition', hint: 'Branch on true / false', icon: <IconBranch /> },
  { type: 'update_contact', label: 'Update contact', hint: 'Write contact fields', icon: <IconUserEdit /> },
  { type: 'delay', label: 'Delay', hint: 'Wait before going on', icon: <IconClock /> },
  { type: 'transform', label: 'Transform', hint: 'Compute values', icon: <IconFunction /> },
];

export interface FlowPaletteProps {
  onAdd: (type: FlowStepType) => void;
  onAddConnector: (connector: Connector) => void;
}

/** The flow's palette: its own steps, then every connector of the workspace (each becomes a node). */
export const FlowPalette = memo(function FlowPalette({ onAdd, onAddConnector }: FlowPaletteProps) {
  const hasTrigger = useEditorStore((s) => s.nodes.some((n) => n.type === 'trigger'));
  const { list, error } = useFlowConnectors();
  return (
    <aside className="palette fl-palette" aria-label="Add nodes">
      <h2 className="palette-title">Steps</h2>
      <p className="palette-hint faint">Drag onto the canvas</p>
      <PaletteItems
        items={STEPS}
        classPrefix="fl-palette-"
        placed={hasTrigger ? { type: 'trigger', why: 'A flow has one trigger; it is on the canvas' } : null}
        addTitle={(item) => `Drag, or press Enter to add ${item.label}`}
        onAdd={onAdd}
      />
      <h2 className="palette-title fl-palette-section">Connectors</h2>
      {error ? <p className="field-error">{error}</p> : null}
      {list === null ? (
        <p className="faint fl-palette-note">
          <span className="spinner" /> Loading…
        </p>
      ) : list.length === 0 ? (
        <p className="faint fl-palette-note">No connectors yet. Build one under Connectors to use it here.</p>
      ) : (
        <ul className="palette-list" aria-label="Connectors">
          {list.map((connector) => (
            <li key={connector.id}>
              <button
                type="button"
                className="palette-item fl-palette-connector"
                draggable
                title={`Drag, or press Enter to add ${connector.name}`}
                data-connector-id={connector.id}
                onDragStart={(event) => {
                  event.dataTransfer.setData(NODE_DRAG_TYPE, 'connector');
                  event.dataTransfer.setData(CONNECTOR_DRAG_TYPE, connector.id);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => onAddConnector(connector)}
              >
                <span className="palette-icon fl-palette-emoji" aria-hidden="true">
                  {connector.icon || '🔌'}
                </span>
                <span className="palette-text">
                  <span className="palette-label truncate">{connector.name}</span>
                  <span className="palette-sub faint truncate">
                    {(connector.input_schema?.fields ?? []).map((f) => f.name).join(', ') || 'No inputs'}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
});
