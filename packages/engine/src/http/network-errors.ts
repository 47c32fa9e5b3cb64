/** Maps what undici and Node throw onto {@link OutboundRequestError}, without echoing their messages. */
import { OutboundRequestError } from './outbound-request.error';

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const DESCRIPTIONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CLOSED: 'connection closed',
};

/** TLS certificate problems: sending again will not fix them. */
function isCertificateError(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('CERT_') ||
    code.includes('CERT') ||
    code.includes('SELF_SIGNED') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  );
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Converts a failure while talking to `host` into an {@link OutboundRequestError}. An
 * OutboundRequestError passes through unchanged. `host` is named in the message, the URL's path and query
 * are not (they may hold secrets); the original error is kept as `cause` for logs.
 */
export function toOutboundRequestError(error: unknown, host: string): OutboundRequestError {
  if (error instanceof OutboundRequestError) return error;
  // undici sometimes wraps the socket's error (`cause`) in its own.
  const known = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  if (known && TIMEOUT_CODES.has(known)) {
    return new OutboundRequestError('timeout', `The request to ${host} timed out`, { cause: error });
  }
  if (known === 'UND_ERR_INVALID_ARG' || known === 'UND_ERR_NOT_SUPPORTED') {
    // A request undici refuses to send (a malformed header, say) fails the same way every time.
    return new OutboundRequestError('network', 'The request could not be sent: it is malformed', {
      retryable: false,
      cause: error,
    });
  }
  if (known && isCertificateError(known)) {
    return new OutboundRequestError('network', `The TLS certificate of ${host} was rejected (${known})`, {
      retryable: false,
      cause: error,
    });
  }
  const detail = known ? (DESCRIPTIONS[known] ?? known) : undefined;
  return new OutboundRequestError(
    'network',
    detail ? `Network error while contacting ${host}: ${detail}` : `Network error while contacting ${host}`,
    { cause: error },
  );
}
