import { parseTemplate } from '@connectors/engine';

const IDENT = /[A-Za-z0-9_$]/;

/**
 * Rewrites root names inside one JSONata expression (`step_1.x` → `step_4.x`), skipping string literals
 * and deeper path steps (`a.step_1`). A name is a root when nothing path-like stands before it.
 */
export function renameInExpression(source: string, rename: ReadonlyMap<string, string>): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = closing(source, i, ch);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(ch) && !IDENT.test(source[i - 1] ?? '') && !isAfterDot(source, i)) {
      let j = i;
      while (j < source.length && IDENT.test(source[j] as string)) j++;
      const name = source.slice(i, j);
      out += rename.get(name) ?? name;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function closing(source: string, start: number, quote: string): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i + 1;
  }
  return source.length;
}

function isAfterDot(source: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n') continue;
    return ch === '.';
  }
  return false;
}

/** Rewrites root names in every `{{ }}` of a template string; text outside templates is left alone. */
export function renameInTemplate(text: string, rename: ReadonlyMap<string, string>): string {
  if (!text.includes('{{') || rename.size === 0) return text;
  let parts: ReturnType<typeof parseTemplate>;
  try {
    parts = parseTemplate(text);
  } catch {
    return text;
  }
  let out = '';
  let last = 0;
  for (const part of parts) {
    if (part.kind !== 'expr') continue;
    out += text.slice(last, part.start) + renameInExpression(part.source, rename);
    last = part.end;
  }
  return out + text.slice(last);
}

/** Walks a node's data and renames references in every string (templates) — used when pasting copies. */
export function renameInData<T>(
  value: T,
  rename: ReadonlyMap<string, string>,
  jsonataKeys: ReadonlySet<string>,
  key?: string,
): T {
  if (typeof value === 'string') {
    return (
      key !== undefined && jsonataKeys.has(key)
        ? renameInExpression(value, rename)
        : renameInTemplate(value, rename)
    ) as T;
  }
  if (Array.isArray(value)) return value.map((item) => renameInData(item, rename, jsonataKeys)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renameInData(v, rename, jsonataKeys, k)]),
    ) as T;
  }
  return value;
}
