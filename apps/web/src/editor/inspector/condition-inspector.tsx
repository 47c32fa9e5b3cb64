import type { ConditionNodeData } from '../graph/engine-types';
import { useEditorStore } from '../store/editor-store';
import { TemplateInput } from '../templates/template-input';
import { FieldProblems } from './field-problems';
import { JoinField } from './join-field';
import { NodeIdentity } from './node-identity';
import { Section } from './section';
import { useNodeScope } from './use-node-scope';

/** A condition: one JSONata expression; the `true` port is taken when it is truthy, `false` otherwise. */
export function ConditionInspector({ nodeId, data }: { nodeId: string; data: ConditionNodeData }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const scope = useNodeScope(nodeId);
  return (
    <>
      <NodeIdentity nodeId={nodeId} name={data.name} />
      <Section title="Condition">
        <label className="field-label" htmlFor={`expr-${nodeId}`}>
          Expression (JSONata)
        </label>
        <TemplateInput
          id={`expr-${nodeId}`}
          mode="jsonata"
          multiline
          rows={3}
          value={data.expression}
          onChange={(expression) =>
            updateNodeData(nodeId, { expression }, { coalesce: `${nodeId}.expression` })
          }
          scope={scope}
          placeholder="$exists(step_1.contactId)"
        />
        <FieldProblems nodeId={nodeId} field="data.expression" />
        <p className="field-hint">
          Read as <code>$boolean()</code> does. Examples: <code>$exists(step_1.contactId)</code>,{' '}
          <code>step_1.total &gt; 0</code>, <code>input.country = "FR"</code>. Connect the next nodes to the{' '}
          <strong>true</strong> and <strong>false</strong> ports.
        </p>
      </Section>
      <Section title="Advanced" defaultOpen={false}>
        <JoinField nodeId={nodeId} join={data.join} />
      </Section>
    </>
  );
}
