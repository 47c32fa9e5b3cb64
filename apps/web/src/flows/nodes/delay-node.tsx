import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DelayCanvasNode } from '../../editor/graph/canvas-types';
import { BaseNode, type SourcePort } from '../../editor/nodes/base-node';
import { IconClock } from '../../ui/icons';

const PORTS: readonly SourcePort[] = [{ id: 'success', label: 'then' }];

/** "2 h 5 min", "30 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const parts: string[] = [];
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s) parts.push(`${s} s`);
  return parts.join(' ');
}

/** A pause before the next nodes. */
export const DelayNode = memo(function DelayNode({ id, data, selected }: NodeProps<DelayCanvasNode>) {
  return (
    <BaseNode
      id={id}
      type="delay"
      name={data.name}
      icon={<IconClock size={14} />}
      selected={selected}
      ports={PORTS}
    >
      <span className="fl-delay">Wait {formatSeconds(data.seconds ?? 0)}</span>
    </BaseNode>
  );
});
