import { memo, type ReactNode } from 'react';
import { IconBranch, IconFunction, IconGlobe, IconOutput, IconTerminal } from '../../ui/icons';
import type { CanvasNodeType } from '../graph/canvas-types';
import { useEditorStore } from '../store/editor-store';

/** The drag payload type: the node type to create where it is dropped. */
export const NODE_DRAG_TYPE = 'application/x-connectors-node';

/** One kind of node the palette offers. */
export interface PaletteItem<T extends string> {
  type: T;
  label: string;
  hint: string;
  icon: ReactNode;
}

export interface PaletteItemsProps<T extends string> {
  items: readonly PaletteItem<T>[];
  /** Each button's class is this followed by its type (styles and tests find them by it). */
  classPrefix: string;
  /** A type the graph holds once, already on the canvas: its button waits, saying why. */
  placed?: { type: T; why: string } | null;
  /** The button's title: how to add this item. */
  addTitle: (item: PaletteItem<T>) => string;
  onAdd: (type: T) => void;
}

/** The palette's buttons, shared by the connector editor and the Flow Builder: drag one, or click it. */
export function PaletteItems<T extends string>({
  items,
  classPrefix,
  placed,
  addTitle,
  onAdd,
}: PaletteItemsProps<T>) {
  return (
    <ul className="palette-list">
      {items.map((item) => {
        const disabled = placed?.type === item.type;
        return (
          <li key={item.type}>
            <button
              type="button"
              className={`palette-item ${classPrefix}${item.type}`}
              draggable={!disabled}
              disabled={disabled}
              title={disabled ? placed.why : addTitle(item)}
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
  );
}

const ITEMS: PaletteItem<CanvasNodeType>[] = [
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
      <PaletteItems
        items={ITEMS}
        classPrefix="palette-"
        placed={
          hasOutput
            ? { type: 'output', why: 'A connector has one output node; it is already on the canvas' }
            : null
        }
        addTitle={(item) => `Drag, or press Enter to add a ${item.label} node`}
        onAdd={onAdd}
      />
      <button type="button" className="btn btn-sm palette-curl" onClick={onImportCurl}>
        <IconTerminal /> Import cURL
      </button>
    </aside>
  );
});
