import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { IconOutput } from '../../ui/icons';
import type { OutputCanvasNode } from '../graph/canvas-types';
import { BaseNode } from './base-node';
import { FieldMappingList } from './field-mapping-list';

const NO_PORTS = [] as const;

/** Where results land: each contact field and the template that fills it. */
export const OutputNode = memo(function OutputNode({ id, data, selected }: NodeProps<OutputCanvasNode>) {
  return (
    <BaseNode
      id={id}
      type="output"
      name={data.name}
      icon={<IconOutput size={14} />}
      selected={selected}
      ports={NO_PORTS}
    >
      <FieldMappingList mappings={data.fieldMappings} />
    </BaseNode>
  );
});
