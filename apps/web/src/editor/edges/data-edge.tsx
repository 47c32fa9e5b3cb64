import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasEdge } from '../graph/canvas-types';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store';
import { previewValue } from './preview-value';

const NO_VALUES: Record<string, unknown> | undefined = undefined;
/** A label's widest (`.cn-edge-label` in editor.css; the automatic layout leaves this much room). */
const LABEL_MAX_WIDTH = 132;
/** …and narrowest, however close two nodes were placed: a name's first letters stay readable. */
const LABEL_MIN_WIDTH = 56;

/**
 * How wide a label may be to sit between the two nodes it joins: undefined (the stylesheet's width)
 * when the gap is wide enough or the edge runs backwards.
 */
export function labelMaxWidth(sourceX: number, targetX: number): number | undefined {
  const room = targetX - sourceX - 12;
  if (targetX <= sourceX || room >= LABEL_MAX_WIDTH) return undefined;
  return Math.max(LABEL_MIN_WIDTH, Math.floor(room));
}

/**
 * An edge labelled with the names it carries (`contactId`); after a test run, with the values it carried.
 * Edges out of a non-default port (`error`, `true`, `false`) say which. Between nodes placed closer than
 * a label is wide, the label narrows to the gap (its names cut with an ellipsis, whole in their
 * tooltips) rather than slide under a node.
 */
export const DataEdge = memo(function DataEdge({
  id,
  source,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  sourceHandleId,
  data,
  selected,
  markerEnd,
}: EdgeProps<CanvasEdge>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const maxWidth = labelMaxWidth(sourceX, targetX);
  const store = useEditorStoreApi();
  const carried = useEditorStore((s) => s.stepsById.get(source)?.edge_values?.[id] ?? NO_VALUES);
  const invalid = useEditorStore((s) => s.problemsByEdge.has(id));
  const names = Object.keys(data?.mapping ?? {});
  const port = sourceHandleId && sourceHandleId !== 'success' ? sourceHandleId : null;
  const tone = port === 'error' || port === 'false' ? 'danger' : port === 'true' ? 'success' : '';
  const className = [
    'cn-edge',
    selected ? 'is-selected' : '',
    tone ? `cn-edge-${tone}` : '',
    invalid ? 'is-invalid' : '',
    carried ? 'has-run' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} interactionWidth={24} />
      {names.length || port ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label={`Edge ${id} from ${source}${names.length ? `, carries ${names.join(', ')}` : ''}`}
            className={`cn-edge-label nodrag nopan${selected ? ' is-selected' : ''}`}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              ...(maxWidth === undefined ? {} : { maxWidth }),
            }}
            data-edge-id={id}
            onClick={() => store.getState().selectOnly({ edges: [id] })}
          >
            {port ? <span className={`cn-edge-port cn-edge-port-${tone}`}>{port}</span> : null}
            {names.slice(0, 3).map((name) => (
              <span
                key={name}
                className="cn-edge-name"
                title={carried ? `${name} = ${JSON.stringify(carried[name])}` : name}
              >
                {name}
                {carried ? (
                  <span className="cn-edge-value">{` = ${previewValue(carried[name])}`}</span>
                ) : null}
              </span>
            ))}
            {names.length > 3 ? <span className="cn-edge-name faint">+{names.length - 3}</span> : null}
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
