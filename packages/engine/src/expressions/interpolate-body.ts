import { fieldPath } from './field-path';
import { interpolateKeyValues, listRows, type PathedRow } from './interpolate-query';
import type { InterpolationOptions, KeyValueTemplate, MissingValue } from './request-template';
import {
  evaluatePart,
  parseTemplate,
  renderParts,
  renderTemplateDetailed,
  type TemplatePart,
} from './template';
import { TemplateError } from './template.error';
import { setOwn } from './to-plain';

/** Deepest body nesting walked; a config this deep is a mistake, not a request. */
const MAX_DEPTH = 100;

/**
 * Renders a JSON body structurally: objects and arrays are walked, a string that is exactly one
 * template becomes the expression's value (number, object, `null`…), a string mixing text and templates
 * becomes a string, and object keys may be templates (string mode). Nothing is ever re-parsed from text.
 */
export async function interpolateJsonBody(
  body: unknown,
  scope: unknown,
  options: InterpolationOptions,
  missing: MissingValue[],
): Promise<string> {
  const value = await renderJson(body, 'body', 0, scope, options, missing);
  return JSON.stringify(value) ?? 'null';
}

async function renderJson(
  value: unknown,
  path: string,
  depth: number,
  scope: unknown,
  options: InterpolationOptions,
  missing: MissingValue[],
): Promise<unknown> {
  if (depth > MAX_DEPTH) {
    throw new TemplateError('invalid_body', `The body is nested more than ${MAX_DEPTH} levels deep`, {
      path,
    });
  }
  if (typeof value === 'string') return renderJsonString(value, path, scope, options, missing);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const [i, item] of value.entries()) {
      out.push(await renderJson(item, fieldPath(path, i), depth + 1, scope, options, missing));
    }
    return out;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const itemPath = fieldPath(path, key);
      const name = key.includes('{{') ? await renderKey(key, itemPath, scope, options) : key;
      setOwn(out, name, await renderJson(item, itemPath, depth + 1, scope, options, missing));
    }
    return out;
  }
  if (value === undefined) return undefined;
  throw new TemplateError('invalid_body', `The body holds a ${typeof value}, which JSON cannot carry`, {
    path,
  });
}

async function renderJsonString(
  text: string,
  path: string,
  scope: unknown,
  options: InterpolationOptions,
  missing: MissingValue[],
): Promise<unknown> {
  let parts: TemplatePart[];
  try {
    parts = parseTemplate(text);
  } catch (err) {
    throw err instanceof TemplateError ? err.at(path) : err;
  }
  const [first] = parts;
  if (first === undefined || (parts.length === 1 && first.kind === 'text')) return text;
  if (parts.length === 1 && first.kind === 'expr') {
    const value = await evaluatePart(first, scope, { ...options, path });
    if (value === undefined || value === null) {
      missing.push({ path, expression: first.source.trim() });
      return null;
    }
    return value;
  }
  const rendered = await renderParts(parts, scope, { ...options, mode: 'string', path });
  for (const expression of rendered.missing) missing.push({ path, expression });
  return rendered.value;
}

async function renderKey(
  key: string,
  path: string,
  scope: unknown,
  options: InterpolationOptions,
): Promise<string> {
  const rendered = await renderTemplateDetailed(key, scope, { ...options, mode: 'string', path });
  const [absent] = rendered.missing;
  if (absent !== undefined) {
    throw new TemplateError('null_value', `{{ ${absent} }} in an object key has no value (null or missing)`, {
      path,
      expression: absent,
    });
  }
  return rendered.value as string;
}

/**
 * Renders a form body, given as a record of templates or a key/value list, into
 * `application/x-www-form-urlencoded`. A field whose value yields nothing is dropped.
 */
export async function interpolateFormBody(
  body: unknown,
  scope: unknown,
  options: InterpolationOptions,
  missing: MissingValue[],
): Promise<string> {
  const pairs = await interpolateKeyValues(formRows(body), scope, options, missing);
  return new URLSearchParams(pairs).toString();
}

function formRows(body: unknown): PathedRow[] {
  if (Array.isArray(body)) {
    const rows = body.map((row, i) => {
      const r = row as Partial<KeyValueTemplate> | null;
      if (!r || typeof r !== 'object' || typeof r.key !== 'string' || typeof r.value !== 'string') {
        throw new TemplateError('invalid_body', 'Each form field needs a string key and value', {
          path: fieldPath('body', i),
        });
      }
      return { key: r.key, value: r.value, ...(r.enabled === false ? { enabled: false } : {}) };
    });
    return listRows(rows, 'body');
  }
  if (body !== null && typeof body === 'object') {
    return Object.entries(body).map(([key, value]) => {
      const path = fieldPath('body', key);
      if (typeof value === 'string') return { key, value, keyPath: path, valuePath: path };
      if (typeof value === 'number' || typeof value === 'boolean') {
        return { key, value: String(value), keyPath: path, valuePath: path };
      }
      throw new TemplateError('invalid_body', 'A form field value must be a string, number or boolean', {
        path,
      });
    });
  }
  throw new TemplateError(
    'invalid_body',
    'A form body must be an object of fields or a list of key/value rows',
    {
      path: 'body',
    },
  );
}

/** Renders a text body in string mode; something that yields nothing becomes `''` and is reported. */
export async function interpolateTextBody(
  body: unknown,
  scope: unknown,
  options: InterpolationOptions,
  missing: MissingValue[],
): Promise<string> {
  if (typeof body !== 'string') {
    throw new TemplateError(
      'invalid_body',
      'A text body must be a string (choose JSON for structured data)',
      {
        path: 'body',
      },
    );
  }
  const rendered = await renderTemplateDetailed(body, scope, { ...options, mode: 'string', path: 'body' });
  for (const expression of rendered.missing) missing.push({ path: 'body', expression });
  return rendered.value as string;
}
