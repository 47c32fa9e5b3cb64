import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { IconBranch } from '../../ui/icons';
import type { ConditionCanvasNode } from '../graph/canvas-types';
import { BaseNode, type SourcePort } from './base-node';

const PORTS: readonly SourcePort[] = [
  { id: 'true', label: 'true', tone: 'success' },
  { id: 'false', label: 'false', tone: 'danger' },
];

/** A branch: its JSONata expression, and the `true` / `false` ports the next nodes hang from. */
export const ConditionNode = memo(function ConditionNode({
  id,
  data,
  selected,
}: NodeProps<ConditionCanvasNode>) {
  return (
    <BaseNode
      id={id}
      type="condition"
      name={data.name}
      icon={<IconBranch size={14} />}
      selected={selected}
      ports={PORTS}
    >
      {data.expression ? (
        <code className="cn-expression">{data.expression}</code>
      ) : (
        <span className="cn-placeholder">Write the condition in the inspector</span>
      )}
    </BaseNode>
  );
});
