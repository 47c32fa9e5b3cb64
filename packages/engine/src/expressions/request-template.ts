import type { ExpressionLimits } from './limits';

/** One row of a key/value list (query parameters, headers, form fields); `enabled: false` skips it. */
export interface KeyValueTemplate {
  key: string;
  value: string;
  enabled?: boolean;
}

export type BodyType = 'json' | 'form' | 'text' | 'none';

/** An http node's request, with `{{ }}` templates still in it. */
export interface RequestTemplate {
  method: string;
  url: string;
  queryParams?: KeyValueTemplate[];
  headers?: KeyValueTemplate[];
  /** A JSON value for `json`; a string for `text`; a record or key/value list for `form`. */
  body?: unknown;
  /** Defaults to `text` for a string body, `json` for any other body, `none` without one. */
  bodyType?: BodyType;
}

/** A template that yielded nothing where that is allowed, reported so the run debugger can show it. */
export interface MissingValue {
  /** Field path, e.g. `queryParams[0].value`. */
  path: string;
  expression: string;
}

/** The request ready to send. */
export interface InterpolatedRequest {
  method: string;
  url: string;
  /** The node's headers, rendered; names as the user wrote them (repeats joined with `, `). */
  headers: Record<string, string>;
  body?: string;
  /** The Content-Type to add when `headers` has none; set only when a body is sent and none was given. */
  contentType?: string;
  /** Expressions that yielded nothing: dropped query parameters and form fields, `null`s in the body. */
  missing: MissingValue[];
}

/** What every template of a request is rendered with, besides the scope. */
export interface InterpolationOptions {
  /** Extra JSONata variables (`$name`). */
  bindings?: Record<string, unknown>;
  limits?: Partial<ExpressionLimits>;
}
