import { fieldPath } from './field-path';
import type { InterpolationOptions, KeyValueTemplate } from './request-template';
import { renderTemplateDetailed } from './template';
import { TemplateError } from './template.error';
import { setOwn } from './to-plain';

/** RFC 9110 token: what a header name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Headers the transport owns. DESIGN §3 names the first four; the rest are hop-by-hop headers that
 * likewise describe the connection rather than the request, and that HTTP clients refuse or mangle.
 */
const FORBIDDEN_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'expect',
]);

export function isForbiddenHeader(name: string): boolean {
  return FORBIDDEN_HEADERS.has(name.toLowerCase());
}

/**
 * Renders header rows (string mode). A name must be an HTTP token and not a transport header; a value
 * must exist (DESIGN: a `null` in a header fails the node) and contain no CR, LF or NUL, nor characters
 * beyond Latin-1, which HTTP cannot carry. Disabled rows and blank rows are skipped.
 */
export async function interpolateHeaders(
  rows: readonly KeyValueTemplate[],
  scope: unknown,
  options: InterpolationOptions,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const spelled = new Map<string, string>();
  for (const [i, row] of rows.entries()) {
    if (row.enabled === false) continue;
    if (row.key.trim() === '' && row.value.trim() === '') continue;
    const keyPath = fieldPath(fieldPath('headers', i), 'key');
    const valuePath = fieldPath(fieldPath('headers', i), 'value');

    const name = await renderRequired(row.key, scope, options, keyPath, 'header name');
    const trimmed = name.trim();
    if (!TOKEN.test(trimmed)) {
      // A templated name may come from a secret: name the template, not its value.
      const shown = row.key.includes('{{')
        ? `The header name built from ${row.key}`
        : `"${printable(trimmed)}"`;
      throw new TemplateError('invalid_header', `${shown} is not a valid header name`, { path: keyPath });
    }
    if (isForbiddenHeader(trimmed)) {
      throw new TemplateError(
        'forbidden_header',
        `The ${trimmed} header is set by the HTTP client and cannot be set here`,
        {
          path: keyPath,
        },
      );
    }

    const value = await renderRequired(
      row.value,
      scope,
      options,
      valuePath,
      `value of the ${trimmed} header`,
    );
    if (/[\r\n\0]/.test(value)) {
      throw new TemplateError(
        'header_injection',
        `The value of the ${trimmed} header contains a line break or NUL character, which is refused`,
        { path: valuePath },
      );
    }
    if (!isLatin1(value)) {
      throw new TemplateError(
        'invalid_header',
        `The value of the ${trimmed} header contains characters HTTP headers cannot carry (beyond Latin-1); encode it, e.g. with $encodeUrlComponent()`,
        { path: valuePath },
      );
    }

    const lower = trimmed.toLowerCase();
    const existing = spelled.get(lower);
    if (existing === undefined) {
      spelled.set(lower, trimmed);
      setOwn(headers, trimmed, value);
    } else {
      // A repeated header is one header with a comma-separated list (RFC 9110 §5.3).
      setOwn(headers, existing, `${headers[existing]}, ${value}`);
    }
  }
  return headers;
}

async function renderRequired(
  text: string,
  scope: unknown,
  options: InterpolationOptions,
  path: string,
  what: string,
): Promise<string> {
  const rendered = await renderTemplateDetailed(text, scope, { ...options, mode: 'string', path });
  const [first] = rendered.missing;
  if (first !== undefined) {
    throw new TemplateError('null_value', `{{ ${first} }} in the ${what} has no value (null or missing)`, {
      path,
      expression: first,
    });
  }
  return rendered.value as string;
}

/** For messages: control characters shown escaped. */
function printable(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** HTTP/1.1 header values are bytes; JavaScript clients refuse characters above U+00FF. */
function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}
