import type { InputField, InputSchema } from '@connectors/engine';
import { IconPlus, IconTrash } from '../../ui/icons';

const TYPES: InputField['type'][] = ['string', 'number', 'boolean', 'object', 'array'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The connector's inputs (`input_schema`): each read as `{{input.<name>}}`, asked for by the test-run form. */
export function InputSchemaEditor({
  schema,
  onChange,
}: {
  schema: InputSchema;
  onChange: (schema: InputSchema) => void;
}) {
  const fields = schema.fields;
  const update = (index: number, patch: Partial<InputField>) =>
    onChange({ fields: fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) });
  const names = fields.map((f) => f.name);
  return (
    <div className="schema-editor">
      {fields.length === 0 ? (
        <p className="faint kv-empty">No inputs: the connector reads only the contact and its credentials.</p>
      ) : null}
      {fields.map((field, index) => {
        const invalid = !NAME.test(field.name)
          ? 'Letters, digits and _'
          : names.indexOf(field.name) !== index
            ? 'Already used'
            : null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <div className="schema-row" key={index}>
            <div className="schema-line">
              <input
                className="input input-mono"
                value={field.name}
                aria-label={`Input ${index + 1} name`}
                aria-invalid={Boolean(invalid)}
                placeholder="email"
                onChange={(e) => update(index, { name: e.target.value.trim() })}
              />
              <select
                className="select"
                aria-label={`Input ${field.name || index + 1} type`}
                value={field.type}
                onChange={(e) => update(index, { type: e.target.value as InputField['type'] })}
              >
                {TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
              <label className="checkbox" title="The run refuses to start without it">
                <input
                  type="checkbox"
                  checked={field.required}
                  onChange={(e) => update(index, { required: e.target.checked })}
                />
                Required
              </label>
              <button
                type="button"
                className="btn btn-ghost btn-sm btn-icon"
                aria-label={`Remove input ${field.name || index + 1}`}
                onClick={() => onChange({ fields: fields.filter((_, i) => i !== index) })}
              >
                <IconTrash />
              </button>
            </div>
            <input
              className="input schema-label"
              value={field.label ?? ''}
              placeholder="Label shown in forms (optional)"
              aria-label={`Input ${field.name || index + 1} label`}
              onChange={(e) => update(index, { label: e.target.value || undefined })}
            />
            {invalid ? <span className="field-error">{invalid}</span> : null}
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-ghost btn-sm add-row"
        onClick={() =>
          onChange({
            fields: [
              ...fields,
              {
                name: fields.length ? `field_${fields.length + 1}` : 'email',
                type: 'string',
                required: false,
              },
            ],
          })
        }
      >
        <IconPlus /> Add input
      </button>
    </div>
  );
}
