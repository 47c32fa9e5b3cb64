/** Request and response header handling at the boundary with undici. */

/**
 * Headers the client manages itself: undici computes framing and connection handling from the body and its
 * pool, rejects some of these outright, and `Host` must match the URL whose host name was checked.
 */
const MANAGED_REQUEST_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);

/** The caller's headers minus the managed ones, with a `User-Agent` added when none is given. */
export function outgoingHeaders(headers: Record<string, string>, userAgent: string): Record<string, string> {
  const result: Record<string, string> = {};
  let hasUserAgent = false;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (MANAGED_REQUEST_HEADERS.has(lower)) continue;
    if (lower === 'user-agent') hasUserAgent = true;
    result[name] = value;
  }
  if (!hasUserAgent && userAgent !== '') result['user-agent'] = userAgent;
  return result;
}

/** undici's response headers (lower-cased, repeated ones as arrays) as one string per name, joined by ", ". */
export function flattenResponseHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

/** A header's first value (undici gives arrays for repeated headers). */
export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
