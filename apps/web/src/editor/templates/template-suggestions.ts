import { CONTACT_FIELDS, type NodeScope } from './node-scope';

export type SuggestionKind = 'input' | 'credential' | 'step' | 'contact';

export interface Suggestion {
  /** What is inserted, e.g. `input.email`. */
  label: string;
  /** Where it comes from, e.g. `Input · string` or `From Search contact (e1)`. */
  detail: string;
  kind: SuggestionKind;
}

export type InputMode = 'template' | 'jsonata';

/** Everything a node can read, in the order people reach for it: carried values, inputs, secrets, contact. */
export function scopeSuggestions(scope: NodeScope): Suggestion[] {
  const out: Suggestion[] = [];
  for (const edge of scope.incoming) {
    for (const name of edge.names) {
      out.push({ label: `${edge.source}.${name}`, detail: `From ${edge.sourceName}`, kind: 'step' });
    }
  }
  for (const field of scope.inputs) {
    out.push({
      label: `input.${field.name}`,
      detail: `Input · ${field.type}${field.required ? ' · required' : ''}`,
      kind: 'input',
    });
  }
  if (scope.secrets) {
    for (const credential of scope.credentials) {
      for (const field of credential.fields) {
        out.push({
          label: `credentials.${credential.service_name}.${field}`,
          detail: 'Stored credential',
          kind: 'credential',
        });
      }
    }
  }
  for (const field of CONTACT_FIELDS) {
    out.push({ label: `contact.${field}`, detail: 'Contact (live runs)', kind: 'contact' });
  }
  return out;
}

/** Where the text being completed starts, and what has been typed of it. */
export interface Trigger {
  from: number;
  query: string;
}

const PATH_SUFFIX = /[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Finds what to complete at `caret`. In a template, only inside an open `{{` (typing `{{` alone opens
 * the list); in a JSONata field, any name being typed at the root of a path.
 */
export function findTrigger(text: string, caret: number, mode: InputMode): Trigger | null {
  const before = text.slice(0, caret);
  if (mode === 'template') {
    const open = before.lastIndexOf('{{');
    if (open < 0 || before.indexOf('}}', open) >= 0) return null;
    const inside = before.slice(open + 2);
    const suffix = PATH_SUFFIX.exec(inside)?.[0] ?? '';
    const head = inside.slice(0, inside.length - suffix.length);
    // Complete only a path at the start, or after an operator or a space: not `$fn(` arguments deep in.
    if (head.trim() !== '' && !/[\s(,+\-*/&=<>!?:[]$/.test(head)) return null;
    if (suffix && isDeeperStep(inside, inside.length - suffix.length)) return null;
    return { from: caret - suffix.length, query: suffix };
  }
  const suffix = PATH_SUFFIX.exec(before)?.[0];
  if (!suffix) return null;
  const start = caret - suffix.length;
  if (
    isDeeperStep(before, start) ||
    before[start - 1] === '$' ||
    before[start - 1] === '"' ||
    before[start - 1] === "'"
  )
    return null;
  return { from: start, query: suffix };
}

function isDeeperStep(text: string, index: number): boolean {
  return text[index - 1] === '.';
}

/** The suggestions matching what was typed: those starting with it first, then those containing it. */
export function filterSuggestions(all: readonly Suggestion[], query: string, limit = 10): Suggestion[] {
  const q = query.toLowerCase();
  const starts = all.filter((s) => s.label.toLowerCase().startsWith(q));
  const contains = all.filter(
    (s) => !s.label.toLowerCase().startsWith(q) && s.label.toLowerCase().includes(q),
  );
  return [...starts, ...contains].filter((s) => s.label !== query).slice(0, limit);
}

/** Inserts a suggestion over what was typed, closing the template with `}}` when it is not closed yet. */
export function applySuggestion(
  text: string,
  trigger: Trigger,
  caret: number,
  suggestion: Suggestion,
  mode: InputMode,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const close = mode === 'template' && !/^\s*[^{]*?}}/.test(after) ? '}}' : '';
  const inserted = suggestion.label + close;
  return { text: text.slice(0, trigger.from) + inserted + after, caret: trigger.from + inserted.length };
}
