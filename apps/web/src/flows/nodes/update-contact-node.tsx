import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { UpdateContactCanvasNode } from '../../editor/graph/canvas-types';
import { BaseNode, type SourcePort } from '../../editor/nodes/base-node';
import { TemplateText } from '../../editor/templates/template-text';
import { IconUserEdit } from '../../ui/icons';

const PORTS: readonly SourcePort[] = [{ id: 'success', label: 'then' }];

/** Writes fields of the flow's contact: each field and the template that fills it. */
export const UpdateContactNode = memo(function UpdateContactNode({
  id,
  data,
  selected,
}: NodeProps<UpdateContactCanvasNode>) {
  const entries = Object.entries(data.fieldMappings ?? {});
  return (
    <BaseNode
      id={id}
      type="update_contact"
      name={data.name}
      icon={<IconUserEdit size={14} />}
      selected={selected}
      ports={PORTS}
    >
      {entries.length ? (
        <ul className="cn-list cn-mappings">
          {entries.slice(0, 5).map(([field, value]) => (
            <li key={field}>
              <code className="cn-field">{field}</code>
              <span className="faint" aria-hidden="true">
                ←
              </span>
              <TemplateText className="cn-url" text={typeof value === 'string' ? value : value.template} />
              {typeof value !== 'string' && value.write === 'if_empty' ? (
                <span className="badge">if empty</span>
              ) : null}
            </li>
          ))}
          {entries.length > 5 ? <li className="faint">+{entries.length - 5} more</li> : null}
        </ul>
      ) : (
        <span className="cn-placeholder">Map contact fields in the inspector</span>
      )}
    </BaseNode>
  );
});
