import { type GraphInput, parseGraph } from '@connectors/engine';
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo, useState } from 'react';
import type { ConnectorCanvasNode } from '../../editor/graph/canvas-types';
import { BaseNode, type SourcePort } from '../../editor/nodes/base-node';
import { TemplateText } from '../../editor/templates/template-text';
import { IconChevronDown, IconExpand } from '../../ui/icons';
import { useFlowConnectors } from '../flow-connectors';
import { usePreviewConnector } from './flow-preview-context';

const PORTS: readonly SourcePort[] = [
  { id: 'success', label: 'success', tone: 'success' },
  { id: 'error', label: 'error', tone: 'danger' },
];

/** The inner graph's nodes in reading order (left to right, top to bottom). */
function innerSteps(config: GraphInput | undefined): { id: string; name: string; type: string }[] {
  if (!config) return [];
  const parsed = parseGraph(config);
  return [...(parsed.graph?.nodes ?? [])]
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y)
    .map((n) => ({ id: n.id, name: n.data.name || n.id, type: n.type }));
}

/**
 * A connector run as one step of the flow: the connector's icon and name, the inputs it is given, and,
 * expanded, the steps inside it (with the whole graph one click away, read-only).
 */
export const ConnectorFlowNode = memo(function ConnectorFlowNode({
  id,
  data,
  selected,
}: NodeProps<ConnectorCanvasNode>) {
  const { byId, list } = useFlowConnectors();
  const connector = byId.get(data.connectorId);
  const preview = usePreviewConnector();
  const [expanded, setExpanded] = useState(false);
  const steps = useMemo(() => (expanded ? innerSteps(connector?.config) : []), [expanded, connector]);
  const inputs = Object.entries(data.inputs ?? {});
  // Required inputs left empty: the child run would be refused, so the node says so before any run.
  const missingInputs = (connector?.input_schema?.fields ?? [])
    .filter((f) => f.required && !(data.inputs?.[f.name] ?? '').trim())
    .map((f) => f.name);
  const missing = data.connectorId && list !== null && !connector;
  return (
    <BaseNode
      id={id}
      type="connector"
      name={data.name || connector?.name || 'Connector'}
      icon={<span className="fl-connector-emoji">{connector?.icon || '🔌'}</span>}
      selected={selected}
      ports={PORTS}
    >
      {!data.connectorId ? (
        <span className="cn-placeholder">Pick a connector in the inspector</span>
      ) : missing ? (
        <span className="cn-placeholder">This connector no longer exists</span>
      ) : (
        <>
          {data.name && connector && data.name !== connector.name ? (
            <div className="fl-connector-name" title={connector.description ?? undefined}>
              Runs {connector.name}
            </div>
          ) : null}
          {inputs.length ? (
            <ul className="cn-list cn-mappings fl-inputs">
              {inputs.slice(0, 4).map(([field, template]) => (
                <li key={field}>
                  <code className="cn-field">{field}</code>
                  <span className="faint" aria-hidden="true">
                    ←
                  </span>
                  <TemplateText className="cn-url" text={template} />
                </li>
              ))}
            </ul>
          ) : null}
          {missingInputs.length ? <div className="fl-missing">Needs {missingInputs.join(', ')}</div> : null}
          <div className="fl-connector-tools nodrag">
            <button
              type="button"
              className="fl-link-button"
              aria-expanded={expanded}
              onClick={(e) => {
                e.stopPropagation();
                setExpanded((v) => !v);
              }}
            >
              <IconChevronDown size={12} className={expanded ? 'fl-chevron is-open' : 'fl-chevron'} />
              {expanded ? 'Hide steps' : 'Show steps'}
            </button>
            <button
              type="button"
              className="fl-link-button"
              aria-label={`Preview the graph of ${connector?.name ?? 'the connector'}`}
              title="Preview its graph (read-only)"
              onClick={(e) => {
                e.stopPropagation();
                preview(data.connectorId);
              }}
            >
              <IconExpand size={12} /> Graph
            </button>
          </div>
          {expanded ? (
            <ol className="fl-inner-steps" aria-label={`Steps of ${connector?.name ?? 'the connector'}`}>
              {steps.map((step) => (
                <li key={step.id}>
                  <span className={`fl-step-dot fl-step-${step.type}`} aria-hidden="true" />
                  <span className="fl-step-name">{step.name}</span>
                  <code className="faint">{step.type}</code>
                </li>
              ))}
              {steps.length === 0 ? <li className="faint">No steps yet</li> : null}
            </ol>
          ) : null}
        </>
      )}
    </BaseNode>
  );
});
