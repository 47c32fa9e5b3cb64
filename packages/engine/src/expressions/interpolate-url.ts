import type { InterpolationOptions } from './request-template';
import { type ExprPart, evaluatePart, parseTemplate, stringifyValue, type TemplatePart } from './template';
import { TemplateError } from './template.error';

/** Where in the URL a template sits, which decides how its value is inserted. */
export type UrlZone = 'origin' | 'path' | 'query' | 'fragment';

const PATH = 'url';

/**
 * Classifies each template of a URL by the literal text around it. The origin ends at the first `/`,
 * `?` or `#` after `scheme://` (or, with no literal scheme, at the first one in the text), so
 * `{{input.base_url}}/x` and `https://{{input.sub}}.example.com` are in the origin.
 */
export function classifyUrlTemplates(parts: readonly TemplatePart[]): UrlZone[] {
  // The literal skeleton, with one placeholder character per template.
  let skeleton = '';
  const offsets: number[] = [];
  for (const part of parts) {
    if (part.kind === 'text') skeleton += part.text;
    else {
      offsets.push(skeleton.length);
      skeleton += '\u0000';
    }
  }
  const scheme = /^[^/?#]*:\/\//.exec(skeleton);
  const authorityStart = scheme ? scheme[0].length : 0;
  const originEnd = firstIndexOf(skeleton, '/?#', authorityStart);
  const fragmentStart = skeleton.indexOf('#', originEnd);
  const questionMark = skeleton.indexOf('?', originEnd);
  const queryStart =
    questionMark >= 0 && (fragmentStart < 0 || questionMark < fragmentStart) ? questionMark : -1;
  return offsets.map((offset) => {
    if (offset < originEnd) return 'origin';
    if (fragmentStart >= 0 && offset > fragmentStart) return 'fragment';
    if (queryStart >= 0 && offset > queryStart) return 'query';
    return 'path';
  });
}

/**
 * Builds the request URL from its template (DESIGN §3): a value in the path is one percent-encoded
 * segment (`.`, `..`, empty and nothing are refused, objects too); in the query or fragment it is an
 * encoded component (objects as JSON); in the origin it is inserted as is, and the result must parse
 * as an http(s) URL. Errors never quote the value, which may be a secret.
 */
export async function interpolateUrl(
  template: string,
  scope: unknown,
  options: InterpolationOptions = {},
): Promise<URL> {
  let parts: TemplatePart[];
  try {
    parts = parseTemplate(template);
  } catch (err) {
    throw err instanceof TemplateError ? err.at(PATH) : err;
  }
  const zones = classifyUrlTemplates(parts);
  let url = '';
  let exprIndex = 0;
  for (const part of parts) {
    if (part.kind === 'text') {
      url += part.text;
      continue;
    }
    const zone = zones[exprIndex++] ?? 'path';
    const value = await evaluatePart(part, scope, { ...options, path: PATH });
    url += insertValue(value, zone, part);
  }
  return parseHttpUrl(url, template);
}

function insertValue(value: unknown, zone: UrlZone, part: ExprPart): string {
  const expression = part.source.trim();
  const where = zone === 'origin' ? 'the start of the URL' : `the URL ${zone}`;
  if (value === undefined || value === null) {
    throw new TemplateError('null_value', `{{ ${expression} }} in ${where} has no value (null or missing)`, {
      path: PATH,
      expression,
      position: part.start,
    });
  }
  switch (zone) {
    case 'origin':
      return stringifyValue(value);
    case 'query':
    case 'fragment':
      return encodeURIComponent(stringifyValue(value));
    case 'path': {
      if (typeof value === 'object') {
        throw new TemplateError(
          'invalid_value',
          `{{ ${expression} }} in the URL path is ${Array.isArray(value) ? 'an array' : 'an object'}; a path segment needs a string or a number`,
          { path: PATH, expression, position: part.start },
        );
      }
      const text = stringifyValue(value);
      if (text === '') {
        throw new TemplateError('null_value', `{{ ${expression} }} in the URL path is an empty string`, {
          path: PATH,
          expression,
          position: part.start,
        });
      }
      if (text === '.' || text === '..') {
        throw new TemplateError(
          'path_traversal',
          `{{ ${expression} }} in the URL path is "${text}", which is refused`,
          {
            path: PATH,
            expression,
            position: part.start,
          },
        );
      }
      // One segment: `/`, `?`, `#` and `%` are encoded, so the value cannot leave it.
      return encodeURIComponent(text);
    }
  }
}

function parseHttpUrl(url: string, template: string): URL {
  const hasTemplates = template.includes('{{');
  const what = hasTemplates ? `The URL built from ${template}` : 'The URL';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TemplateError('invalid_url', `${what} is not a valid absolute URL`, { path: PATH });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TemplateError('invalid_url', `${what} must use http:// or https://, not ${parsed.protocol}`, {
      path: PATH,
    });
  }
  if (parsed.hostname === '') {
    throw new TemplateError('invalid_url', `${what} has no host`, { path: PATH });
  }
  return parsed;
}

function firstIndexOf(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text.charAt(i))) return i;
  return text.length;
}
