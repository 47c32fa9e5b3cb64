import type { FieldMappings, FieldMappingValue } from '@connectors/engine';
import { IconPlus, IconTrash } from '../../ui/icons';
import type { OutputNodeData } from '../graph/engine-types';
import { useEditorStore } from '../store/editor-store';
import { TemplateInput } from '../templates/template-input';
import { FieldProblems } from './field-problems';
import { JoinField } from './join-field';
import { NodeIdentity } from './node-identity';
import { Section } from './section';
import { useNodeScope } from './use-node-scope';

const CONTACT_TARGETS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'title',
  'metadata.company_name',
  'metadata.industry',
];

const templateOf = (value: FieldMappingValue) => (typeof value === 'string' ? value : value.template);
const writeOf = (value: FieldMappingValue) => (typeof value === 'string' ? 'overwrite' : value.write);
/** Overwrite is the default, written as a plain string (as the seed's `finalMapping`). */
const mappingValue = (template: string, write: 'overwrite' | 'if_empty'): FieldMappingValue =>
  write === 'overwrite' ? template : { template, write };

/** The output: which contact field each result fills, and whether it may overwrite what is there. */
export function OutputInspector({ nodeId, data }: { nodeId: string; data: OutputNodeData }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const scope = useNodeScope(nodeId);
  const rows = Object.entries(data.fieldMappings);
  const set = (fieldMappings: FieldMappings) =>
    updateNodeData(nodeId, { fieldMappings }, { coalesce: `${nodeId}.mappings` });
  const replace = (index: number, field: string, value: FieldMappingValue) =>
    set(Object.fromEntries(rows.map(([k, v], i) => (i === index ? [field, value] : [k, v]))));
  // The example in an empty value reads what this node can read: a name an incoming edge carries
  // (`{{connector_1.industry}}` in a flow), else a contact field, never a node that is not there.
  const carried = scope.incoming.find((edge) => edge.names.length > 0);
  const example = carried ? `{{${carried.source}.${carried.names[0]}}}` : '{{contact.first_name}}';
  const unused =
    CONTACT_TARGETS.find((t) => !Object.hasOwn(data.fieldMappings, t)) ?? `metadata.field_${rows.length + 1}`;
  return (
    <>
      <NodeIdentity nodeId={nodeId} name={data.name} />
      <Section title="Contact fields">
        <datalist id="contact-targets">
          {CONTACT_TARGETS.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {rows.length === 0 ? (
          <p className="faint kv-empty">
            Nothing is written yet. Add a field and fill it from a value an edge carries in.
          </p>
        ) : null}
        <ul className="mapping-rows">
          {rows.map(([field, value], index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (field names change while typing)
            <li className="mapping-row" key={index}>
              <div className="mapping-row-head">
                <input
                  className="input input-mono"
                  list="contact-targets"
                  value={field}
                  placeholder="first_name"
                  aria-label={`Contact field ${index + 1}`}
                  onChange={(e) => replace(index, e.target.value, value)}
                />
                <select
                  className="select"
                  aria-label={`When to write ${field}`}
                  value={writeOf(value)}
                  onChange={(e) =>
                    replace(
                      index,
                      field,
                      mappingValue(templateOf(value), e.target.value as 'overwrite' | 'if_empty'),
                    )
                  }
                >
                  <option value="overwrite">Overwrite</option>
                  <option value="if_empty">If empty</option>
                </select>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm btn-icon"
                  aria-label={`Remove ${field}`}
                  onClick={() => set(Object.fromEntries(rows.filter((_, i) => i !== index)))}
                >
                  <IconTrash />
                </button>
              </div>
              <span className="mapping-arrow" aria-hidden="true">
                ← filled from
              </span>
              <TemplateInput
                value={templateOf(value)}
                onChange={(template) => replace(index, field, mappingValue(template, writeOf(value)))}
                scope={scope}
                placeholder={example}
                aria-label={`Value for ${field}`}
              />
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="btn btn-ghost btn-sm add-row"
          onClick={() => set({ ...data.fieldMappings, [unused]: '' })}
        >
          <IconPlus /> Add field
        </button>
        <FieldProblems nodeId={nodeId} field="data.fieldMappings" />
        <p className="field-hint">
          <code>metadata.x</code> writes into the contact's metadata. A value that is empty leaves the field
          untouched;
          <em> If empty</em> writes only when the contact has no value yet.
        </p>
      </Section>
      <Section title="Advanced" defaultOpen={false}>
        <JoinField nodeId={nodeId} join={data.join} />
      </Section>
    </>
  );
}
