/** How a request changes when it follows a redirect (the fetch standard's rules, as browsers apply them). */
import { isSameOrigin } from './request-url';

/** The parts of a request that a redirect may change. */
export interface OutgoingRequest {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Credentials that never follow a redirect to another origin, whatever the request declares. */
const ALWAYS_SENSITIVE = ['authorization', 'cookie', 'proxy-authorization'];

/** Headers that describe a body; dropped with it. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

/** True for the statuses that are followed (when a `Location` is present). */
export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

function withoutHeaders(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop.has(name.toLowerCase())));
}

/**
 * The request to send to `to` after `status` from `from`:
 * - 303 turns anything but GET/HEAD into a GET without body; 301/302 turn a POST into a GET without body
 *   (what browsers do, and what APIs built for browsers expect); 307/308 keep method and body.
 * - To another origin, `authorization`, `cookie`, `proxy-authorization` and `sensitiveHeaders` are dropped.
 *   Once dropped they stay dropped, even if a later hop comes back to the first origin.
 */
export function redirectedRequest(
  previous: OutgoingRequest,
  status: number,
  from: URL,
  to: URL,
  sensitiveHeaders: readonly string[] = [],
): OutgoingRequest {
  let { method, headers, body } = previous;
  const becomesGet =
    (status === 303 && method !== 'GET' && method !== 'HEAD') ||
    ((status === 301 || status === 302) && method === 'POST');
  if (becomesGet) {
    method = 'GET';
    body = undefined;
    headers = withoutHeaders(headers, BODY_HEADERS);
  }
  if (!isSameOrigin(from, to)) {
    headers = withoutHeaders(headers, [...ALWAYS_SENSITIVE, ...sensitiveHeaders]);
  }
  return body === undefined ? { method, headers } : { method, headers, body };
}
