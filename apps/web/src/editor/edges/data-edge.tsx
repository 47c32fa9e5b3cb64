import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasEdge } from '../graph/canvas-types';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store';
import { previewValue } from './preview-value';

const NO_VALUES: Record<string, unknown> | undefined = undefined;

/**
 * An edge labelled with the names it carries (`contactId`); after a test run, with the values it carried.
 * Edges out of a non-default port (`error`, `true`, `false`) say which.
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
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
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
