import { useShallow } from 'zustand/react/shallow';
import type { NodeContent } from '../../editor/graph/canvas-types';
import type { OutputNodeData } from '../../editor/graph/engine-types';
import { ConditionInspector } from '../../editor/inspector/condition-inspector';
import { EdgeInspector } from '../../editor/inspector/edge-inspector';
import { FieldProblems } from '../../editor/inspector/field-problems';
import { NodeIdentity } from '../../editor/inspector/node-identity';
import { OutputInspector } from '../../editor/inspector/output-inspector';
import { Section } from '../../editor/inspector/section';
import { TransformInspector } from '../../editor/inspector/transform-inspector';
import { useSelection } from '../../editor/inspector/use-selection';
import { useEditorStore } from '../../editor/store/editor-store';
import { formatSeconds } from '../nodes/delay-node';
import { TRIGGER_LABELS } from '../nodes/trigger-node';
import { ConnectorNodeInspector } from './connector-inputs';
import { FlowSettings } from './flow-settings';

/**
 * The Flow Builder's right panel: the selected node (conditions, transforms and contact updates use the
 * connector editor's own inspectors), the selected edge, or the flow's settings.
 */
export function FlowInspector({ runsKey }: { runsKey: number }) {
  const { nodes, edges } = useSelection();
  let body: React.ReactNode;
  let label = 'Flow settings';
  if (nodes.length === 1 && nodes[0]) {
    body = (
      <div className="insp-scroll" key={nodes[0]}>
        <FlowNodePanel nodeId={nodes[0]} />
      </div>
    );
    label = `Node ${nodes[0]}`;
  } else if (nodes.length === 0 && edges.length === 1 && edges[0]) {
    body = <EdgeInspector edgeId={edges[0]} key={edges[0]} />;
    label = `Edge ${edges[0]}`;
  } else if (nodes.length + edges.length > 1) {
    body = (
      <div className="insp-scroll insp-multi">
        <h2>
          {nodes.length} nodes{edges.length ? `, ${edges.length} edges` : ''} selected
        </h2>
        <p className="muted">Drag any of them to move them together; Del deletes them.</p>
      </div>
    );
    label = 'Selection';
  } else {
    body = <FlowSettings refreshKey={runsKey} />;
  }
  return (
    <aside className="inspector" aria-label={`Inspector: ${label}`}>
      {body}
    </aside>
  );
}

function FlowNodePanel({ nodeId }: { nodeId: string }) {
  const node = useEditorStore(
    useShallow((s) => {
      const n = s.nodes.find((x) => x.id === nodeId);
      return n ? ({ type: n.type, data: n.data } as NodeContent) : null;
    }),
  );
  if (!node) return null;
  switch (node.type) {
    case 'trigger':
      return <TriggerInspector nodeId={nodeId} data={node.data} />;
    case 'connector':
      return <ConnectorNodeInspector nodeId={nodeId} data={node.data} />;
    case 'condition':
      return <ConditionInspector nodeId={nodeId} data={node.data} />;
    case 'transform':
      return <TransformInspector nodeId={nodeId} data={node.data} />;
    case 'update_contact':
      // Same data as a connector's output node: the same mapping editor.
      return <OutputInspector nodeId={nodeId} data={node.data as OutputNodeData} />;
    case 'delay':
      return <DelayInspector nodeId={nodeId} seconds={node.data.seconds} name={node.data.name} />;
    default:
      return <p className="muted">This node type is not part of a flow: delete it.</p>;
  }
}

function TriggerInspector({ nodeId, data }: { nodeId: string; data: { name: string; event: string } }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  return (
    <>
      <NodeIdentity nodeId={nodeId} name={data.name} />
      <Section title="Starts the flow">
        <fieldset className="field fieldset">
          <legend className="field-label">Event</legend>
          {Object.entries(TRIGGER_LABELS).map(([event, label]) => (
            <label className="checkbox" key={event}>
              <input
                type="radio"
                name={`event-${nodeId}`}
                value={event}
                checked={data.event === event}
                onChange={() => updateNodeData(nodeId, { event })}
              />
              {label} <code className="faint">{event}</code>
            </label>
          ))}
        </fieldset>
        <FieldProblems nodeId={nodeId} field="data.event" />
        <p className="field-hint">
          A contact created or updated through the API or this app starts every enabled flow listening to that
          event; a write made by the flow itself does not start it again. Any flow can also be run by hand on
          one contact, or on many from the Contacts list.
        </p>
      </Section>
    </>
  );
}

const UNITS = [
  [1, 'seconds'],
  [60, 'minutes'],
  [3600, 'hours'],
  [86_400, 'days'],
] as const;

function DelayInspector({ nodeId, seconds, name }: { nodeId: string; seconds: number; name: string }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const unit = [...UNITS].reverse().find(([n]) => seconds > 0 && seconds % n === 0)?.[0] ?? 1;
  return (
    <>
      <NodeIdentity nodeId={nodeId} name={name} />
      <Section title="Wait">
        <div className="form-row">
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor={`delay-${nodeId}`}>
              Wait for
            </label>
            <input
              id={`delay-${nodeId}`}
              className="input"
              type="number"
              min={0}
              value={seconds / unit}
              onChange={(e) =>
                updateNodeData(
                  nodeId,
                  { seconds: Math.max(0, Math.round(Number(e.target.value) * unit)) },
                  { coalesce: `${nodeId}.seconds` },
                )
              }
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`delay-unit-${nodeId}`}>
              Unit
            </label>
            <select
              id={`delay-unit-${nodeId}`}
              className="select"
              value={unit}
              onChange={(e) => updateNodeData(nodeId, { seconds: (seconds / unit) * Number(e.target.value) })}
            >
              {UNITS.map(([n, label]) => (
                <option key={n} value={n}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <FieldProblems nodeId={nodeId} field="data.seconds" />
        <p className="field-hint">
          The next nodes start {formatSeconds(seconds)} after this one is reached (at most 30 days).
        </p>
      </Section>
    </>
  );
}
