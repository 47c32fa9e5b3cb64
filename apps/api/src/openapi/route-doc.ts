import type { z } from 'zod';

/** HTTP methods the API uses, lower-case as OpenAPI writes them. */
export type DocMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One response of an operation: a zod schema (converted with `io: output`) or a raw media type. */
export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** Defaults to `application/json`; e.g. `text/event-stream` or `text/html`. */
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * One route of the API as the OpenAPI document describes it. The schemas are the ones the routes validate
 * with, so the document cannot drift from the code; `path` is Hono-style and from the root
 * (`/api/v1/connectors/:id`), so it can be compared with the app's registered routes.
 */
export interface RouteDoc {
  method: DocMethod;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** No authentication (sign-up, login, health, the document itself). */
  public?: boolean;
  /** Descriptions of the path parameters; every `:name` is documented, described or not. */
  params?: Record<string, string>;
  /** The query schema (converted with `io: input`); each property becomes a parameter. */
  query?: z.ZodObject;
  headers?: { name: string; description: string; required?: boolean }[];
  /** The JSON request body (converted with `io: input`). */
  body?: z.ZodType;
  bodyOptional?: boolean;
  bodyExample?: unknown;
  responses: Record<number, ResponseDoc>;
  /** Statuses answered with the error body beyond the automatic ones (400, 401, 404, 413). */
  errors?: Partial<Record<number, string>>;
}
