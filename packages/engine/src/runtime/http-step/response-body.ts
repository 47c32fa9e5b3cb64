/** Decodes a response by its content type, and cuts what is stored down to size. */

const decoder = new TextDecoder('utf-8', { fatal: false });

function isJson(contentType: string): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(contentType) || /\/json\b/i.test(contentType);
}

function isText(contentType: string): boolean {
  return (
    contentType === '' ||
    /^text\//i.test(contentType) ||
    /(xml|javascript|x-www-form-urlencoded|graphql|yaml|csv)/i.test(contentType)
  );
}

/**
 * The body as mappings see it: parsed JSON for JSON types (or for an untyped body that parses), text for
 * text types, and a short description for binary bodies (which no mapping can use).
 */
export function parseResponseBody(body: Uint8Array, contentType: string | undefined): unknown {
  const type = (contentType ?? '').split(';')[0]!.trim();
  if (body.byteLength === 0) return null;
  if (isJson(type) || type === '') {
    const text = decoder.decode(body);
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (isText(type)) return decoder.decode(body);
  return `<${body.byteLength} bytes of ${type}>`;
}

/**
 * What is stored of a body: itself when its JSON fits in `maxBytes`, else its text cut at `maxBytes` with
 * a marker, so a run's record stays bounded while the run itself used the whole body.
 */
export function storedBody(value: unknown, maxBytes: number): unknown {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return value;
  const cut = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8');
  return `${cut}… [truncated: ${bytes} bytes in all]`;
}

export function bodyText(body: string | Uint8Array | undefined): string | null {
  if (body === undefined) return null;
  return typeof body === 'string' ? body : decoder.decode(body);
}
