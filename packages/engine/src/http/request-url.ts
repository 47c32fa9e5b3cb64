/** Parsing and checking the URLs an outbound request (or one of its redirects) goes to. */
import { OutboundRequestError } from './outbound-request.error';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * Parses the URL of a request or of a redirect's `Location` (resolved against `base`) and checks it is one
 * we may send to: absolute, http(s), with a host and without embedded credentials.
 *
 * @throws OutboundRequestError `invalid_url` or `unsupported_protocol`
 */
export function parseTargetUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    // The URL itself may hold a secret (an API key in the query), so it is not repeated in the message.
    throw new OutboundRequestError(
      'invalid_url',
      base ? 'The server redirected to an invalid URL' : 'The request URL is not a valid absolute URL',
    );
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new OutboundRequestError(
      'unsupported_protocol',
      `Only http and https URLs are allowed (got ${url.protocol.slice(0, 20)})`,
    );
  }
  if (url.hostname === '') {
    throw new OutboundRequestError('invalid_url', 'The request URL has no host');
  }
  // `https://user:pass@host` would send credentials the connector's headers and secret handling never see.
  if (url.username !== '' || url.password !== '') {
    throw new OutboundRequestError(
      'invalid_url',
      'URLs with embedded credentials are not supported; send them in a header instead',
    );
  }
  return url;
}

/** The host name of a URL without the brackets of an IPv6 literal (`[::1]` → `::1`). */
export function bareHostname(url: URL): string {
  const { hostname } = url;
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** The port a URL connects to, with the scheme's default filled in. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Same scheme, host and port: the boundary across which credentials must not follow a redirect. */
export function isSameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}
