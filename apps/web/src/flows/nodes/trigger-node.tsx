import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { TriggerCanvasNode } from '../../editor/graph/canvas-types';
import { BaseNode, type SourcePort } from '../../editor/nodes/base-node';
import { IconBolt } from '../../ui/icons';

const PORTS: readonly SourcePort[] = [{ id: 'success', label: 'start' }];

export const TRIGGER_LABELS: Record<string, string> = {
  manual: 'Run by hand',
  'contact.created': 'When a contact is created',
  'contact.updated': 'When a contact is updated',
};

/** Where a flow starts: the contact event that runs it (or only "Run"). */
export const TriggerNode = memo(function TriggerNode({ id, data, selected }: NodeProps<TriggerCanvasNode>) {
  return (
    <BaseNode
      id={id}
      type="trigger"
      name={data.name}
      icon={<IconBolt size={14} />}
      selected={selected}
      ports={PORTS}
      target={false}
    >
      <div className="fl-trigger-event">
        <code>{data.event}</code>
        <span className="faint">{TRIGGER_LABELS[data.event] ?? ''}</span>
      </div>
    </BaseNode>
  );
});
