import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { NodeScope } from './node-scope';
import { highlightTemplate } from './reference-check';
import {
  applySuggestion,
  filterSuggestions,
  findTrigger,
  type InputMode,
  scopeSuggestions,
  type Trigger,
} from './template-suggestions';

export interface TemplateInputProps {
  value: string;
  onChange: (value: string) => void;
  /** The node's scope: what is suggested and what is checked. Null: no suggestions, syntax only. */
  scope: NodeScope | null;
  /** `template`: text with `{{ }}` parts; `jsonata`: an expression on its own. */
  mode?: InputMode;
  multiline?: boolean;
  /** One line of text that wraps (a long URL stays readable); Enter never adds a line break. */
  wrap?: boolean;
  rows?: number;
  id?: string;
  placeholder?: string;
  invalid?: boolean;
  'aria-label'?: string;
  'aria-describedby'?: string;
  onBlur?: () => void;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text field that knows templates: `{{ }}` parts are highlighted, unreadable references are underlined,
 * and typing `{{` (or a name in a JSONata field, or Ctrl+Space) suggests input fields, credentials and
 * the names carried by incoming edges. An ARIA combobox: arrows move, Enter or Tab accepts, Escape closes.
 */
export const TemplateInput = memo(function TemplateInput({
  value,
  onChange,
  scope,
  mode = 'template',
  multiline: multilineProp,
  wrap,
  rows = 3,
  id,
  placeholder,
  invalid,
  onBlur,
  ...aria
}: TemplateInputProps) {
  const multiline = multilineProp || wrap;
  const field = useRef<Field | null>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const listId = useId();
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);

  const all = useMemo(() => (scope ? scopeSuggestions(scope) : []), [scope]);
  const items = useMemo(() => (trigger ? filterSuggestions(all, trigger.query) : []), [all, trigger]);
  const open = !dismissed && trigger !== null && items.length > 0;
  const segments = useMemo(() => highlightTemplate(value, scope, mode), [value, scope, mode]);

  useLayoutEffect(() => {
    const el = field.current;
    if (el && pendingCaret.current !== null) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
      syncScroll();
    }
  });

  const syncScroll = () => {
    if (field.current && mirror.current) {
      mirror.current.scrollLeft = field.current.scrollLeft;
      mirror.current.scrollTop = field.current.scrollTop;
    }
  };

  const refresh = (text: string, caret: number | null, force = false) => {
    const next = caret === null ? null : findTrigger(text, caret, mode);
    setTrigger(next);
    setActive(0);
    if (force) setDismissed(false);
  };

  const accept = (index: number) => {
    const el = field.current;
    const suggestion = items[index];
    if (!el || !trigger || !suggestion) return;
    const applied = applySuggestion(value, trigger, el.selectionStart ?? value.length, suggestion, mode);
    pendingCaret.current = applied.caret;
    onChange(applied.text);
    setTrigger(null);
  };

  const onKeyDown = (event: React.KeyboardEvent<Field>) => {
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      const el = event.currentTarget;
      const caret = el.selectionStart ?? value.length;
      setDismissed(false);
      setTrigger(findTrigger(value, caret, mode) ?? { from: caret, query: '' });
      return;
    }
    if (!open) {
      if (wrap && event.key === 'Enter') event.preventDefault();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + delta + items.length) % items.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      accept(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(true);
    }
  };

  const common = {
    id,
    ref: (el: Field | null) => {
      field.current = el;
    },
    className: `input input-mono tpl-input${multiline ? ' textarea' : ''}`,
    value,
    placeholder,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': invalid || segments.some((s) => s.problem) || undefined,
    'aria-label': aria['aria-label'],
    'aria-describedby': aria['aria-describedby'],
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open ? `${listId}-${active}` : undefined,
    onChange: (event: React.ChangeEvent<Field>) => {
      const text = wrap ? event.target.value.replace(/[\r\n]+/g, '') : event.target.value;
      onChange(text);
      refresh(text, event.target.selectionStart, true);
    },
    onKeyDown,
    onKeyUp: (event: React.KeyboardEvent<Field>) => {
      if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key))
        refresh(value, event.currentTarget.selectionStart);
      syncScroll();
    },
    onClick: (event: React.MouseEvent<Field>) => refresh(value, event.currentTarget.selectionStart),
    onScroll: syncScroll,
    onBlur: () => {
      setTrigger(null);
      onBlur?.();
    },
  };

  return (
    <div className={`tpl${multiline ? ' tpl-multi' : ''}${wrap ? ' tpl-wrap' : ''}`}>
      <div ref={mirror} className={`tpl-mirror${multiline ? ' tpl-mirror-multi' : ''}`} aria-hidden="true">
        {segments.map((segment, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            key={i}
            className={`${segment.kind === 'expr' ? 'tpl-expr' : ''}${segment.problem ? ' tpl-bad' : ''}`}
          >
            {segment.text}
          </span>
        ))}
        {multiline ? '\n' : null}
      </div>
      {multiline ? <textarea {...common} rows={wrap ? 2 : rows} /> : <input {...common} type="text" />}
      {open ? (
        <div className="tpl-list" role="listbox" id={listId} aria-label="Suggestions">
          {items.map((item, i) => (
            <div
              key={item.label}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={`tpl-option${i === active ? ' is-active' : ''}`}
              onMouseDown={(event) => {
                event.preventDefault();
                accept(i);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <code>{item.label}</code>
              <span className="tpl-option-detail">{item.detail}</span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
});
