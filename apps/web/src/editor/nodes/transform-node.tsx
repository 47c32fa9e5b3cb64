import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { IconFunction } from '../../ui/icons';
import type { TransformCanvasNode } from '../graph/canvas-types';
import { BaseNode, type SourcePort } from './base-node';

const PORTS: readonly SourcePort[] = [{ id: 'success', label: 'out' }];

/** Computed values: their names, the expressions in the inspector. */
export const TransformNode = memo(function TransformNode({
  id,
  data,
  selected,
}: NodeProps<TransformCanvasNode>) {
  const names = Object.keys(data.values ?? {});
  return (
    <BaseNode
      id={id}
      type="transform"
      name={data.name}
      icon={<IconFunction size={14} />}
      selected={selected}
      ports={PORTS}
    >
      {names.length ? (
        <ul className="cn-list">
          {names.slice(0, 4).map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
          {names.length > 4 ? <li className="faint">+{names.length - 4} more</li> : null}
        </ul>
      ) : (
        <span className="cn-placeholder">Add values in the inspector</span>
      )}
    </BaseNode>
  );
});
