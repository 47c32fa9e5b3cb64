import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One problem in a request, with the path of the field at fault (e.g. `config.nodes.2.data.url`). */
export interface ProblemDetail {
  path: string;
  message: string;
  code?: string;
}

/**
 * A user-facing error: the status, a stable code and a message that says what to do. Rendered as
 * `{ error: { code, message, details } }` by the app's error handler.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
/** A path (or a method on it) no route serves. */
export const noRoute = (method: string, path: string) =>
  new ApiError(404, 'not_found', `No route for ${method} ${path}`);
export const unauthorized = (message = 'Sign in or send an API key (Authorization: Bearer <key>)') =>
  new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const badRequest = (message: string, details?: ProblemDetail[]) =>
  new ApiError(400, 'validation_failed', message, details);
