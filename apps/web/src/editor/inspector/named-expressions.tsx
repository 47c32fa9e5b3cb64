import { IconPlus, IconTrash } from '../../ui/icons';
import type { NodeScope } from '../templates/node-scope';
import { TemplateInput } from '../templates/template-input';

export interface NamedExpressionsProps {
  label: string;
  entries: Record<string, string>;
  onChange: (entries: Record<string, string>) => void;
  scope: NodeScope | null;
  mode: 'template' | 'jsonata';
  namePlaceholder: string;
  valuePlaceholder: string;
  /** Rendered under each row (a live preview). */
  renderAfter?: (name: string, value: string) => React.ReactNode;
}

/** Rows of name → expression, order kept; renaming a row keeps its place. */
export function NamedExpressions({
  label,
  entries,
  onChange,
  scope,
  mode,
  namePlaceholder,
  valuePlaceholder,
  renderAfter,
}: NamedExpressionsProps) {
  const list = Object.entries(entries);
  const rebuild = (index: number, name: string, value: string) =>
    onChange(Object.fromEntries(list.map(([k, v], i) => (i === index ? [name, value] : [k, v]))));
  const freeName = () => {
    let n = list.length + 1;
    while (Object.hasOwn(entries, `value${n}`)) n++;
    return `value${n}`;
  };
  return (
    <div className="named-exprs">
      {list.length === 0 ? <p className="faint kv-empty">None yet.</p> : null}
      {list.map(([name, value], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (names change while typing)
        <div className="named-row" key={index}>
          <div className="named-line">
            <input
              className="input input-mono"
              value={name}
              placeholder={namePlaceholder}
              aria-label={`${label} ${index + 1} name`}
              onChange={(e) => rebuild(index, e.target.value, value)}
            />
            <span className="faint" aria-hidden="true">
              =
            </span>
            <TemplateInput
              value={value}
              onChange={(v) => rebuild(index, name, v)}
              scope={scope}
              mode={mode}
              placeholder={valuePlaceholder}
              aria-label={`${label} ${name || index + 1} expression`}
            />
            <button
              type="button"
              className="btn btn-ghost btn-sm btn-icon"
              aria-label={`Remove ${name || `row ${index + 1}`}`}
              onClick={() => onChange(Object.fromEntries(list.filter((_, i) => i !== index)))}
            >
              <IconTrash />
            </button>
          </div>
          {renderAfter ? renderAfter(name, value) : null}
        </div>
      ))}
      <button
        type="button"
        className="btn btn-ghost btn-sm add-row"
        onClick={() => onChange({ ...entries, [freeName()]: '' })}
      >
        <IconPlus /> Add {label.toLowerCase()}
      </button>
    </div>
  );
}
