/** Why an outbound request failed before a usable response came back. */
export type OutboundRequestErrorCode =
  | 'invalid_url'
  | 'unsupported_protocol'
  | 'blocked_address'
  | 'dns_failure'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'response_too_large'
  | 'too_many_redirects'
  | 'redirect_leaks_secret';

/** Codes that are worth retrying unless the caller learns otherwise (see `retryable`). */
const RETRYABLE_BY_DEFAULT: ReadonlySet<OutboundRequestErrorCode> = new Set([
  'network',
  'timeout',
  'dns_failure',
]);

/**
 * The one error the guarded HTTP client throws. `message` is meant for the person who built the connector:
 * it names the host or address involved, never a URL's query, a header value or a secret.
 */
export class OutboundRequestError extends Error {
  override readonly name = 'OutboundRequestError';
  readonly code: OutboundRequestErrorCode;
  /** Whether sending the same request again may succeed (a transient network, DNS or timeout failure). */
  readonly retryable: boolean;

  constructor(
    code: OutboundRequestErrorCode,
    message: string,
    options: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
  }
}

/** True when `error` is an {@link OutboundRequestError}, optionally with the given code. */
export function isOutboundRequestError(
  error: unknown,
  code?: OutboundRequestErrorCode,
): error is OutboundRequestError {
  return error instanceof OutboundRequestError && (code === undefined || error.code === code);
}
