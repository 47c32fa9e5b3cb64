import {
  AlreadyMemberError,
  EmailTakenError,
  InvalidCursorError,
  NameTakenError,
  StaleVersionError,
} from '@connectors/db';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './api-error';

function body(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details !== undefined ? { details } : {}) } };
}

/** Turns every error into the API's error body. Nothing from an unexpected error reaches the client. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(body(err.code, err.message, err.details), err.status);
  }
  if (err instanceof NameTakenError) return c.json(body('name_taken', err.message), 409);
  if (err instanceof EmailTakenError) return c.json(body('email_taken', err.message), 409);
  if (err instanceof AlreadyMemberError) return c.json(body('already_member', err.message), 409);
  if (err instanceof StaleVersionError) return c.json(body('stale_version', err.message), 409);
  if (err instanceof InvalidCursorError) return c.json(body('invalid_cursor', err.message), 400);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(body('payload_too_large', 'The request body is too large'), 413);
    return c.json(body(status === 400 ? 'bad_request' : 'http_error', err.message || 'Bad request'), status);
  }
  // Unexpected: log the message (never the request, which may hold secrets) and answer generically.
  console.error(`[api] ${c.req.method} ${c.req.path} failed: ${err.name}: ${err.message}`);
  return c.json(body('internal_error', 'Something went wrong on our side; the error was logged'), 500);
}
