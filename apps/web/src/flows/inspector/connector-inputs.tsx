import type { InputField } from '@connectors/engine';
import { Link } from 'react-router';
import type { Connector } from '../../api/connectors.api';
import type { ConnectorCanvasNode } from '../../editor/graph/canvas-types';
import { FieldProblems } from '../../editor/inspector/field-problems';
import { JoinField } from '../../editor/inspector/join-field';
import { NodeIdentity } from '../../editor/inspector/node-identity';
import { Section } from '../../editor/inspector/section';
import { useNodeScope } from '../../editor/inspector/use-node-scope';
import { useEditorStore } from '../../editor/store/editor-store';
import { TemplateInput } from '../../editor/templates/template-input';
import { defaultInputTemplate } from '../builder/flow-nodes';
import { useFlowConnectors } from '../flow-connectors';

type Data = ConnectorCanvasNode['data'];

/**
 * A connector node: which connector it runs and its inputs, one field per entry of that connector's
 * `input_schema`, each a template over the flow's scope (`{{contact.email}}`, values carried in).
 */
export function ConnectorNodeInspector({ nodeId, data }: { nodeId: string; data: Data }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const { list, byId } = useFlowConnectors();
  const connector = byId.get(data.connectorId);
  const scope = useNodeScope(nodeId);
  const fields = connector?.input_schema?.fields ?? [];
  // Inputs the node holds that the connector no longer declares: shown so they can be removed.
  const extra = Object.keys(data.inputs ?? {}).filter((name) => !fields.some((f) => f.name === name));

  const pick = (next: Connector | undefined) => {
    if (!next) {
      updateNodeData(nodeId, { connectorId: '', inputs: {} });
      return;
    }
    const inputs = Object.fromEntries(
      (next.input_schema?.fields ?? []).map((f) => [
        f.name,
        data.inputs?.[f.name] ?? defaultInputTemplate(f),
      ]),
    );
    const renamed = !data.name || data.name === 'Connector' || data.name === connector?.name;
    updateNodeData(nodeId, { connectorId: next.id, inputs, ...(renamed ? { name: next.name } : {}) });
  };

  const setInput = (name: string, value: string) =>
    updateNodeData(
      nodeId,
      { inputs: { ...data.inputs, [name]: value } },
      { coalesce: `${nodeId}.in.${name}` },
    );

  return (
    <>
      <NodeIdentity nodeId={nodeId} name={data.name} />
      <Section title="Connector">
        <div className="field">
          <label className="field-label" htmlFor={`connector-${nodeId}`}>
            Runs
          </label>
          <select
            id={`connector-${nodeId}`}
            className="select"
            value={data.connectorId}
            onChange={(e) => pick(byId.get(e.target.value))}
          >
            <option value="">Choose a connector…</option>
            {(list ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.icon ? `${c.icon} ` : ''}
                {c.name}
              </option>
            ))}
            {data.connectorId && list && !connector ? (
              <option value={data.connectorId}>Deleted connector</option>
            ) : null}
          </select>
          <FieldProblems nodeId={nodeId} field="data.connectorId" />
        </div>
        {connector ? (
          <p className="field-hint">
            {connector.description ? `${connector.description} ` : ''}
            <Link to={`/connectors/${connector.id}`}>Open in the editor</Link>
          </p>
        ) : null}
      </Section>
      {connector ? (
        <Section title="Inputs">
          {fields.length === 0 ? (
            <p className="faint kv-empty">This connector takes no inputs.</p>
          ) : (
            fields.map((field) => (
              <InputRow
                key={field.name}
                nodeId={nodeId}
                field={field}
                value={data.inputs?.[field.name] ?? ''}
                onChange={(v) => setInput(field.name, v)}
                scope={scope}
              />
            ))
          )}
          {extra.map((name) => (
            <div className="field fl-extra-input" key={name}>
              <span className="field-label">
                <code>{name}</code> <span className="faint">(no longer an input of this connector)</span>
              </span>
              <button
                type="button"
                className="btn btn-sm"
                onClick={() =>
                  updateNodeData(nodeId, {
                    inputs: Object.fromEntries(Object.entries(data.inputs).filter(([k]) => k !== name)),
                  })
                }
              >
                Remove
              </button>
            </div>
          ))}
          <p className="field-hint">
            Type <code>{'{{'}</code> for the contact's fields and the values edges carry in. The node's
            outgoing edges read the connector's output: <code>$</code> is what it wrote (e.g.{' '}
            <code>first_name</code>, <code>metadata.industry</code>).
          </p>
        </Section>
      ) : null}
      <Section title="Advanced" defaultOpen={false}>
        <JoinField nodeId={nodeId} join={data.join} />
      </Section>
    </>
  );
}

function InputRow({
  nodeId,
  field,
  value,
  onChange,
  scope,
}: {
  nodeId: string;
  field: InputField;
  value: string;
  onChange: (v: string) => void;
  scope: ReturnType<typeof useNodeScope>;
}) {
  const id = `input-${nodeId}-${field.name}`;
  const empty = field.required && value.trim() === '';
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {field.label || field.name}
        {field.required ? <span className="fl-required"> *</span> : null}
        <span className="faint fl-input-type"> {field.type}</span>
      </label>
      <TemplateInput
        id={id}
        value={value}
        onChange={onChange}
        scope={scope}
        placeholder={`{{contact.${field.name}}}`}
        invalid={empty}
        aria-describedby={empty ? `${id}-req` : undefined}
      />
      {field.description ? <span className="field-hint">{field.description}</span> : null}
      {empty ? (
        <span className="field-error" id={`${id}-req`}>
          Required: the connector needs a value for {field.name}.
        </span>
      ) : null}
      <FieldProblems nodeId={nodeId} field={`data.inputs.${field.name}`} />
    </div>
  );
}
