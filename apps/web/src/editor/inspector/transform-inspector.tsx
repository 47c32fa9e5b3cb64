import type { TransformNodeData } from '../graph/engine-types';
import { useEditorStore } from '../store/editor-store';
import { FieldProblems } from './field-problems';
import { JoinField } from './join-field';
import { NamedExpressions } from './named-expressions';
import { NodeIdentity } from './node-identity';
import { Section } from './section';
import { useNodeScope } from './use-node-scope';

/** A transform: named values computed with JSONata; edges out of it can carry them on. */
export function TransformInspector({ nodeId, data }: { nodeId: string; data: TransformNodeData }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const scope = useNodeScope(nodeId);
  return (
    <>
      <NodeIdentity nodeId={nodeId} name={data.name} />
      <Section title="Values">
        <NamedExpressions
          label="Value"
          entries={data.values}
          onChange={(values) => updateNodeData(nodeId, { values }, { coalesce: `${nodeId}.values` })}
          scope={scope}
          mode="jsonata"
          namePlaceholder="domain"
          valuePlaceholder="$substringAfter(input.email, '@')"
        />
        <FieldProblems nodeId={nodeId} field="data.values" />
        <p className="field-hint">
          Each value is JSONata over this node's scope. Edges out of this node map over them (
          <code>$.domain</code>).
        </p>
      </Section>
      <Section title="Advanced" defaultOpen={false}>
        <JoinField nodeId={nodeId} join={data.join} />
      </Section>
    </>
  );
}
