import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { UpdateContactCanvasNode } from '../../editor/graph/canvas-types';
import { BaseNode, type SourcePort } from '../../editor/nodes/base-node';
import { FieldMappingList } from '../../editor/nodes/field-mapping-list';
import { IconUserEdit } from '../../ui/icons';

const PORTS: readonly SourcePort[] = [{ id: 'success', label: 'then' }];

/** Writes fields of the flow's contact: each field and the template that fills it. */
export const UpdateContactNode = memo(function UpdateContactNode({
  id,
  data,
  selected,
}: NodeProps<UpdateContactCanvasNode>) {
  return (
    <BaseNode
      id={id}
      type="update_contact"
      name={data.name}
      icon={<IconUserEdit size={14} />}
      selected={selected}
      ports={PORTS}
    >
      <FieldMappingList mappings={data.fieldMappings} />
    </BaseNode>
  );
});
