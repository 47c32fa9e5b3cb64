/**
 * The default {@link HttpClient}: undici with the outbound address guard of DESIGN §7. Every hop of a
 * request is resolved and checked here, then sent over a socket pinned to the checked address.
 */
import type { HttpClient, HttpRequest, HttpResponse } from '../ports';
import { firstHeader, flattenResponseHeaders, outgoingHeaders } from './headers';
import { createHostAllowList } from './host-allow-list';
import { toOutboundRequestError } from './network-errors';
import { OutboundRequestError } from './outbound-request.error';
import { PinnedAgentPool } from './pinned-agents';
import { isRedirectStatus, type OutgoingRequest, redirectedRequest } from './redirects';
import { RequestDeadline } from './request-deadline';
import { bareHostname, isSameOrigin, parseTargetUrl } from './request-url';
import {
  type DestinationPolicy,
  type HostLookup,
  resolveDestination,
  systemLookup,
} from './resolve-destination';
import { discardBody, readBodyWithLimit } from './response-body';
import { urlContainsSecret } from './secret-leak';

export interface GuardedHttpClientOptions {
  /** Lift the address check entirely (local development and tests: `CONNECTORS_ALLOW_PRIVATE_NETWORK`). */
  allowPrivateNetwork?: boolean;
  /**
   * Host names exempt from the address check: exact, case-insensitive, optionally `host:port` to exempt
   * one port only. Redirects away from them are checked as usual.
   */
  allowHosts?: string[];
  /** Resolver for host names; defaults to the system's (`dns.promises.lookup(host, { all: true })`). */
  lookup?: HostLookup;
  /** Redirect hops followed before failing with `too_many_redirects`. Default 5. */
  maxRedirects?: number;
  /** Sent as `User-Agent` unless the request sets one. */
  userAgent?: string;
}

/** An {@link HttpClient} that also owns connection pools, released by {@link GuardedHttpClient.close}. */
export interface GuardedHttpClient extends HttpClient {
  /** Closes pooled connections (after in-flight requests finish). The client must not be used after. */
  close(): Promise<void>;
}

const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_USER_AGENT = 'Connectors/1.0';

interface ClientContext {
  policy: DestinationPolicy;
  agents: PinnedAgentPool;
  maxRedirects: number;
  userAgent: string;
}

/**
 * Creates the guarded HTTP client.
 *
 * Each request (and each redirect hop) is checked: http(s) only; the host resolved once, refused if any of
 * its addresses is private, loopback, link-local, metadata, multicast or otherwise non-public (unless
 * exempted by `allowPrivateNetwork` / `allowHosts`); then the connection is made to that very address.
 * Redirects are followed by hand, at most `maxRedirects` of them, with credentials dropped across origins
 * and a redirect refused if its URL carries one of `req.secretValues`. `req.timeoutMs` bounds the whole
 * call (DNS, connect, headers, body, every hop); the body is cut off past `req.maxResponseBytes`.
 *
 * @throws OutboundRequestError for every failure (HTTP error statuses are responses, not failures).
 */
export function createHttpClient(options: GuardedHttpClientOptions = {}): GuardedHttpClient {
  const isAllowedHost = createHostAllowList(options.allowHosts);
  const allowPrivate = options.allowPrivateNetwork === true;
  const context: ClientContext = {
    policy: {
      lookup: options.lookup ?? systemLookup,
      isExempt: (url) => allowPrivate || isAllowedHost(url),
    },
    agents: new PinnedAgentPool(),
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  };
  return {
    request: (req) => sendWithDeadline(context, req),
    close: () => context.agents.close(),
  };
}

async function sendWithDeadline(context: ClientContext, req: HttpRequest): Promise<HttpResponse> {
  const deadline = new RequestDeadline(req.timeoutMs, req.signal);
  // Tracks the host being contacted, so failures can name it.
  const current = { host: '' };
  try {
    deadline.throwIfExpired();
    return await followRedirects(context, req, deadline, current);
  } catch (error) {
    // Once the deadline has fired, whatever undici reports (a destroyed socket, say) is its consequence.
    if (!(error instanceof OutboundRequestError) && deadline.error) throw deadline.error;
    throw toOutboundRequestError(error, current.host);
  } finally {
    deadline.dispose();
  }
}

async function followRedirects(
  context: ClientContext,
  req: HttpRequest,
  deadline: RequestDeadline,
  current: { host: string },
): Promise<HttpResponse> {
  let url = parseTargetUrl(req.url);
  let outgoing: OutgoingRequest = {
    method: req.method.toUpperCase(),
    headers: outgoingHeaders(req.headers, context.userAgent),
    ...(req.body === undefined ? {} : { body: req.body }),
  };

  for (let redirects = 0; ; redirects++) {
    current.host = bareHostname(url);
    // Checked on every hop: a redirect is a new destination.
    const target = await deadline.race(resolveDestination(url, context.policy));
    const response = await context.agents.get(target).request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body ?? null,
      signal: deadline.signal,
      // The deadline covers these; undici's own timers (300 s by default) would only fire later.
      headersTimeout: deadline.ms,
      bodyTimeout: deadline.ms,
    });
    const { body } = response;
    const location = isRedirectStatus(response.statusCode)
      ? firstHeader(response.headers.location)
      : undefined;

    if (location === undefined) {
      const noBody = outgoing.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304;
      const declaredLength = noBody ? undefined : firstHeader(response.headers['content-length']);
      return {
        status: response.statusCode,
        headers: flattenResponseHeaders(response.headers),
        body: await readBodyWithLimit(body, req.maxResponseBytes, declaredLength),
        url: url.href,
        redirects,
      };
    }

    await discardBody(body);
    if (redirects >= context.maxRedirects) {
      throw new OutboundRequestError(
        'too_many_redirects',
        `Too many redirects (more than ${context.maxRedirects})`,
      );
    }
    const next = parseTargetUrl(location, url);
    // Within one origin the secret goes back to where it was sent anyway; elsewhere it would leak.
    if (!isSameOrigin(url, next) && urlContainsSecret(next, req.secretValues)) {
      throw new OutboundRequestError(
        'redirect_leaks_secret',
        `Refused to follow a redirect to ${bareHostname(next)}: its URL contains a secret value`,
      );
    }
    outgoing = redirectedRequest(outgoing, response.statusCode, url, next, req.sensitiveHeaders);
    url = next;
  }
}
