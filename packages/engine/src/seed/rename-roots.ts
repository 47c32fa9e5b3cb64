import jsonata from 'jsonata';
import { parseTemplate } from '../expressions';

/** A name token at the root of a path in an expression, located in its source text. */
interface RootToken {
  name: string;
  start: number;
  end: number;
}

/**
 * Rewrites the root names of paths in every `{{ }}` of a template (`{{step_1.x}}` → `{{search.x}}`),
 * leaving string literals, deeper path steps and filters untouched. Uses JSONata's own parser for the
 * positions; a template or expression that does not parse is returned unchanged (validation reports it).
 */
export function renameTemplateRoots(text: string, rename: (root: string) => string | undefined): string {
  let parts: ReturnType<typeof parseTemplate>;
  try {
    parts = parseTemplate(text);
  } catch {
    return text;
  }
  const edits: { start: number; end: number; text: string }[] = [];
  for (const part of parts) {
    if (part.kind !== 'expr') continue;
    // `start` is where the expression begins; only braces and spaces can sit between it and `source`.
    const offset = text.startsWith(part.source, part.start)
      ? part.start
      : text.indexOf(part.source, part.start);
    if (offset < 0) continue;
    for (const token of rootTokens(part.source)) {
      const replacement = rename(token.name);
      if (replacement !== undefined && replacement !== token.name) {
        edits.push({ start: offset + token.start, end: offset + token.end, text: replacement });
      }
    }
  }
  // Apply from the end so earlier offsets stay valid.
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** Root-position name tokens of a JSONata expression; empty when it does not parse. */
export function rootTokens(source: string): RootToken[] {
  let ast: unknown;
  try {
    ast = jsonata(source).ast();
  } catch {
    return [];
  }
  const tokens: RootToken[] = [];
  walk(ast, source, tokens, 0);
  return tokens;
}

/** Keys whose sub-expressions run against another context (filters, grouping, transforms). */
const RELATIVE_KEYS: ReadonlySet<string> = new Set([
  'stages',
  'predicate',
  'group',
  'pattern',
  'update',
  'delete',
]);

function walk(node: unknown, source: string, tokens: RootToken[], depth: number): void {
  if (depth > 200 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, source, tokens, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  if (record.type === 'path' && Array.isArray(record.steps)) {
    // Only the first step is read from the root; later steps are relative to it.
    const [first] = record.steps as Record<string, unknown>[];
    if (first?.type === 'name') {
      const token = locate(first, source);
      if (token) tokens.push(token);
    } else if (first) {
      walk(first, source, tokens, depth + 1);
    }
    return;
  }
  for (const [key, value] of Object.entries(record)) {
    if (!RELATIVE_KEYS.has(key)) walk(value, source, tokens, depth + 1);
  }
}

/** JSONata records a token's end position; check the text before it really is the name. */
function locate(step: Record<string, unknown>, source: string): RootToken | undefined {
  const name = step.value;
  const end = step.position;
  if (typeof name !== 'string' || typeof end !== 'number') return undefined;
  if (source.slice(end - name.length, end) === name) return { name, start: end - name.length, end };
  if (source.slice(end - name.length - 2, end) === `\`${name}\``)
    return { name, start: end - name.length - 2, end };
  return undefined;
}
