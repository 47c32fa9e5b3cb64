import { compileExpression } from './expression';
import { ExpressionError } from './expression.error';
import type { ExpressionLimits } from './limits';
import { LruCache } from './lru-cache';
import { TemplateError } from './template.error';
import { findTemplateEnd } from './template-scanner';

/** Literal text between templates. */
export interface TextPart {
  readonly kind: 'text';
  readonly text: string;
}

/**
 * One `{{ expr }}`. `source` is exactly the text between the braces (inner whitespace included), and
 * `text.slice(start, end) === source`, so a JSONata error position `p` is at `start + p` in the field.
 */
export interface ExprPart {
  readonly kind: 'expr';
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

export type TemplatePart = TextPart | ExprPart;

const parseCache = new LruCache<string, readonly TemplatePart[]>(1_000);

/**
 * Splits a string into literal text and `{{ expr }}` parts. Text outside templates is taken literally:
 * there is no escape syntax, and a `{{` always opens a template (write `{{ '{{' }}` for a literal one).
 * A single `{` or a `}}` outside a template is plain text. Throws `TemplateError` `unclosed` or `empty`.
 *
 * @example parseTemplate('Hi {{ input.name }}!') // text 'Hi ', expr ' input.name ', text '!'
 */
export function parseTemplate(text: string): TemplatePart[] {
  const cached = parseCache.get(text);
  if (cached) return [...cached];
  const parts: TemplatePart[] = [];
  let textStart = 0;
  for (let open = text.indexOf('{{'); open >= 0; open = text.indexOf('{{', textStart)) {
    const start = open + 2;
    const end = findTemplateEnd(text, start);
    if (typeof end !== 'number') {
      const inside =
        end.what === 'template'
          ? 'it has no closing }}'
          : `the ${describeUnclosed(end.what)} at position ${end.at} inside it is never closed`;
      throw new TemplateError(
        'unclosed',
        `The template opened at position ${open} is not closed: ${inside}`,
        {
          position: open,
        },
      );
    }
    const source = text.slice(start, end);
    if (source.trim() === '') {
      throw new TemplateError(
        'empty',
        `The template at position ${open} is empty: write an expression between {{ and }}`,
        {
          position: open,
        },
      );
    }
    if (open > textStart) parts.push(Object.freeze({ kind: 'text', text: text.slice(textStart, open) }));
    parts.push(Object.freeze({ kind: 'expr', source, start, end }));
    textStart = end + 2;
  }
  if (textStart < text.length) parts.push(Object.freeze({ kind: 'text', text: text.slice(textStart) }));
  parseCache.set(text, Object.freeze([...parts]));
  return parts;
}

function describeUnclosed(what: 'string' | 'name' | 'regex' | 'comment'): string {
  switch (what) {
    case 'string':
      return 'string literal';
    case 'name':
      return 'backtick name';
    case 'regex':
      return 'regular expression';
    case 'comment':
      return 'comment';
  }
}

/** True when the string is exactly one template: `{{ x }}`, with nothing (not even spaces) around it. */
export function isWholeTemplate(parts: readonly TemplatePart[]): parts is [ExprPart] {
  return parts.length === 1 && parts[0]?.kind === 'expr';
}

/** True when the text contains at least one template. */
export function hasTemplate(text: string): boolean {
  return parseTemplate(text).some((part) => part.kind === 'expr');
}

/**
 * The root paths every template in `text` reads, e.g. `'Bearer {{workspace.hubspot_token}}'` →
 * `[['workspace', 'hubspot_token']]`. Throws `TemplateError` when the text or an expression is invalid.
 */
export function templateReferences(text: string, limits?: Partial<ExpressionLimits>): string[][] {
  const seen = new Map<string, string[]>();
  for (const part of parseTemplate(text)) {
    if (part.kind !== 'expr') continue;
    let references: string[][];
    try {
      references = compileExpression(part.source, limits).references();
    } catch (err) {
      throw expressionFailure(err, part, '');
    }
    for (const path of references) {
      const key = JSON.stringify(path);
      if (!seen.has(key)) seen.set(key, path);
    }
  }
  return [...seen.values()];
}

export interface RenderTemplateOptions {
  /**
   * `string`: the result is always a string. `typed`: a text that is exactly one template yields the
   * expression's value itself (number, object, boolean…; nothing becomes `null`); anything else is a string.
   */
  mode: 'string' | 'typed';
  /** Extra JSONata variables (`$name`). */
  bindings?: Record<string, unknown>;
  limits?: Partial<ExpressionLimits>;
  /** The field the text came from, used in error messages (`headers[1].value`). */
  path?: string;
}

export interface RenderedTemplate {
  value: unknown;
  /** Sources (trimmed) of the expressions that yielded nothing or `null`, in order. */
  missing: string[];
}

/**
 * Renders `text` with `$` = `scope`. In string mode, and for mixed text in typed mode, values are
 * joined as text: strings as they are, numbers and booleans with `String`, objects and arrays as JSON,
 * `null` and nothing as `''`. Throws `TemplateError` (a failing expression is code `expression`).
 *
 * @example await renderTemplate('{{ n + 1 }}', { n: 1 }, { mode: 'typed' }) // 2
 */
export async function renderTemplate(
  text: string,
  scope: unknown,
  options: RenderTemplateOptions,
): Promise<unknown> {
  return (await renderTemplateDetailed(text, scope, options)).value;
}

/** `renderTemplate`, also reporting which expressions yielded nothing, so callers can refuse them. */
export async function renderTemplateDetailed(
  text: string,
  scope: unknown,
  options: RenderTemplateOptions,
): Promise<RenderedTemplate> {
  const path = options.path ?? '';
  let parts: TemplatePart[];
  try {
    parts = parseTemplate(text);
  } catch (err) {
    throw err instanceof TemplateError ? err.at(path) : err;
  }
  return renderParts(parts, scope, options);
}

/** Renders already-parsed parts (see `renderTemplateDetailed`). */
export async function renderParts(
  parts: readonly TemplatePart[],
  scope: unknown,
  options: RenderTemplateOptions,
): Promise<RenderedTemplate> {
  const missing: string[] = [];
  if (options.mode === 'typed' && isWholeTemplate(parts)) {
    const value = await evaluatePart(parts[0], scope, options);
    if (value === undefined || value === null) {
      missing.push(parts[0].source.trim());
      return { value: null, missing };
    }
    return { value, missing };
  }
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const value = await evaluatePart(part, scope, options);
    if (value === undefined || value === null) missing.push(part.source.trim());
    out += stringifyValue(value);
  }
  return { value: out, missing };
}

/** Evaluates one template expression, turning any failure into a `TemplateError` that names it. */
export async function evaluatePart(
  part: ExprPart,
  scope: unknown,
  options: Pick<RenderTemplateOptions, 'bindings' | 'limits' | 'path'>,
): Promise<unknown> {
  try {
    return await compileExpression(part.source, options.limits).evaluate(scope, options.bindings);
  } catch (err) {
    throw expressionFailure(err, part, options.path ?? '');
  }
}

/** How string mode writes a value: `null` and nothing as `''`, objects and arrays as JSON. */
export function stringifyValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? '';
}

function expressionFailure(err: unknown, part: ExprPart, path: string): TemplateError {
  const expression = part.source.trim();
  if (err instanceof ExpressionError) {
    const verb = err.code === 'syntax' || err.code === 'forbidden' ? 'is invalid' : 'failed';
    return new TemplateError('expression', `The expression {{ ${expression} }} ${verb}: ${err.message}`, {
      path,
      expression,
      position: part.start + (err.position ?? 0),
      expressionCode: err.code,
      cause: err,
    });
  }
  return new TemplateError('expression', `The expression {{ ${expression} }} failed: ${String(err)}`, {
    path,
    expression,
    position: part.start,
    cause: err,
  });
}
