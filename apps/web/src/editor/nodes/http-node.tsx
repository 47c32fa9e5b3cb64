import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { IconGlobe, IconKey } from '../../ui/icons';
import type { HttpCanvasNode } from '../graph/canvas-types';
import { TemplateText } from '../templates/template-text';
import { BaseNode, type SourcePort } from './base-node';

const PORTS: readonly SourcePort[] = [
  { id: 'success', label: 'success', tone: 'success' },
  { id: 'error', label: 'error', tone: 'danger' },
];

/** An HTTP request: method, URL with its templates highlighted, and whether it authenticates. */
export const HttpNode = memo(function HttpNode({ id, data, selected }: NodeProps<HttpCanvasNode>) {
  const method = (data.method || 'GET').toUpperCase();
  return (
    <BaseNode
      id={id}
      type="http"
      name={data.name}
      icon={<IconGlobe size={14} />}
      selected={selected}
      ports={PORTS}
    >
      <div className="cn-request">
        <span className={`method method-${method.toLowerCase()}`}>{method}</span>
        {data.url ? (
          <TemplateText className="cn-url" text={data.url} />
        ) : (
          <span className="cn-url cn-placeholder">Set the URL in the inspector</span>
        )}
      </div>
      {data.auth && data.auth.type !== 'none' ? (
        <div className="cn-meta">
          <IconKey size={12} />{' '}
          {data.auth.type === 'api-key'
            ? 'API key'
            : data.auth.type === 'oauth2'
              ? 'OAuth 2'
              : data.auth.type === 'basic'
                ? 'Basic auth'
                : 'Bearer token'}
        </div>
      ) : null}
    </BaseNode>
  );
});
