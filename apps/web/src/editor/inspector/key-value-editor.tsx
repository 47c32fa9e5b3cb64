import type { KeyValue } from '@connectors/engine';
import { IconPlus, IconTrash } from '../../ui/icons';
import type { NodeScope } from '../templates/node-scope';
import { TemplateInput } from '../templates/template-input';

export interface KeyValueEditorProps {
  label: string;
  rows: readonly KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  scope: NodeScope;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}

/** Query parameters or headers: rows of key and template value, each switchable off. */
export function KeyValueEditor({
  label,
  rows,
  onChange,
  scope,
  keyPlaceholder = 'name',
  valuePlaceholder = 'value',
}: KeyValueEditorProps) {
  const update = (index: number, patch: Partial<KeyValue>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="kv-editor">
      {rows.length === 0 ? <p className="faint kv-empty">None yet.</p> : null}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <div className={`kv-line${row.enabled === false ? ' is-off' : ''}`} key={index}>
          <input
            type="checkbox"
            className="kv-check"
            checked={row.enabled !== false}
            aria-label={`Send ${label.toLowerCase()} ${row.key || index + 1}`}
            onChange={(e) => update(index, { enabled: e.target.checked ? undefined : false })}
          />
          <input
            className="input input-mono"
            value={row.key}
            placeholder={keyPlaceholder}
            aria-label={`${label} ${index + 1} name`}
            onChange={(e) => update(index, { key: e.target.value })}
          />
          <TemplateInput
            value={row.value}
            onChange={(value) => update(index, { value })}
            scope={scope}
            placeholder={valuePlaceholder}
            aria-label={`${label} ${index + 1} value`}
          />
          <button
            type="button"
            className="btn btn-ghost btn-sm btn-icon"
            aria-label={`Remove ${label.toLowerCase()} ${row.key || index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <IconTrash />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-ghost btn-sm add-row"
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        <IconPlus /> Add {label.toLowerCase().replace(/s$/, '')}
      </button>
    </div>
  );
}
