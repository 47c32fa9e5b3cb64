import { memo } from 'react';
import { IconBranch, IconFunction, IconGlobe, IconOutput, IconTerminal } from '../../ui/icons';
import type { CanvasNodeType } from '../graph/canvas-types';
import { useEditorStore } from '../store/editor-store';

/** The drag payload type: the node type to create where it is dropped. */
export const NODE_DRAG_TYPE = 'application/x-connectors-node';

const ITEMS: { type: CanvasNodeType; label: string; hint: string; icon: React.ReactNode }[] = [
  { type: 'http', label: 'HTTP request', hint: 'Call an API', icon: <IconGlobe /> },
  { type: 'condition', label: 'Condition', hint: 'Branch on true / false', icon: <IconBranch /> },
  { type: 'transform', label: 'Transform', hint: 'Compute values', icon: <IconFunction /> },
  { type: 'output', label: 'Update contact', hint: 'Map results onto the contact', icon: <IconOutput /> },
];

export interface PaletteProps {
  /** Adds a node where the user is looking (click or Enter, for those who do not drag). */
  onAdd: (type: CanvasNodeType) => void;
  onImportCurl: () => void;
}

/** Node types to drag onto the canvas (or click / press Enter to add one in the middle of the view). */
export const Palette = memo(function Palette({ onAdd, onImportCurl }: PaletteProps) {
  const hasOutput = useEditorStore((s) => s.nodes.some((n) => n.type === 'output'));
  return (
    <aside className="palette" aria-label="Add nodes">
      <h2 className="palette-title">Add a step</h2>
      <p className="palette-hint faint">Drag onto the canvas</p>
      <ul className="palette-list">
        {ITEMS.map((item) => {
          const disabled = item.type === 'output' && hasOutput;
          return (
            <li key={item.type}>
              <button
                type="button"
                className={`palette-item palette-${item.type}`}
                draggable={!disabled}
                disabled={disabled}
                title={
                  disabled
                    ? 'A connector has one output node; it is already on the canvas'
                    : `Drag, or press Enter to add a ${item.label} node`
                }
                data-node-type={item.type}
                onDragStart={(event) => {
                  event.dataTransfer.setData(NODE_DRAG_TYPE, item.type);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => onAdd(item.type)}
              >
                <span className="palette-icon" aria-hidden="true">
                  {item.icon}
                </span>
                <span className="palette-text">
                  <span className="palette-label">{item.label}</span>
                  <span className="palette-sub faint">{disabled ? 'Already added' : item.hint}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-sm palette-curl" onClick={onImportCurl}>
        <IconTerminal /> Import cURL
      </button>
    </aside>
  );
});
