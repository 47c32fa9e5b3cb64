import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors/api-error';

/**
 * Refuses a request body larger than `maxBytes` with 413 `payload_too_large`, before a route reads it.
 *
 * A body with a `Content-Length` (nearly every API call) is judged by the header alone: Node's HTTP
 * parser delivers exactly that many bytes, never more. Any other body (chunked, HTTP/2), whose size is
 * known only once read, goes through Hono's `bodyLimit`, which counts it while buffering. Hono's
 * middleware alone would do for both, but it opens the request's web stream to look for a body, and on
 * `@hono/node-server` that turns every request into a full `Request` object and its body into a web
 * stream, where otherwise the route's `c.req.json()` reads the socket's buffer directly (~2% of the
 * API process's CPU under load, docs/benchmarks.md).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes`);
  };
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    // No routes read a GET's body; anything else without a length (chunked, HTTP/2, a `Request` built
    // in-process) is counted.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return counted(c, next);
  };
}
