import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { IconOutput } from '../../ui/icons';
import type { OutputCanvasNode } from '../graph/canvas-types';
import { TemplateText } from '../templates/template-text';
import { BaseNode } from './base-node';

const NO_PORTS = [] as const;

/** Where results land: each contact field and the template that fills it. */
export const OutputNode = memo(function OutputNode({ id, data, selected }: NodeProps<OutputCanvasNode>) {
  const entries = Object.entries(data.fieldMappings ?? {});
  return (
    <BaseNode
      id={id}
      type="output"
      name={data.name}
      icon={<IconOutput size={14} />}
      selected={selected}
      ports={NO_PORTS}
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
