import type { ExpressionErrorCode } from './expression.error';

/**
 * Why a template or an interpolated request was refused:
 * - `unclosed`, `empty`: the `{{ … }}` syntax itself;
 * - `expression`: the JSONata inside failed to compile or run (`expressionCode` says how, `cause` has the
 *   `ExpressionError`);
 * - `null_value`: an expression yielded nothing (or an empty string) where a value is required;
 * - `invalid_value`: a value of the wrong kind (an object in a URL path segment);
 * - `path_traversal`: `.` or `..` as a URL path segment;
 * - `invalid_url`: the URL does not parse or is not http(s);
 * - `invalid_method`, `invalid_header`, `forbidden_header`, `header_injection`: request line and headers;
 * - `invalid_body`, `body_too_large`: the request body.
 */
export type TemplateErrorCode =
  | 'unclosed'
  | 'empty'
  | 'expression'
  | 'null_value'
  | 'invalid_value'
  | 'path_traversal'
  | 'invalid_url'
  | 'invalid_method'
  | 'invalid_header'
  | 'forbidden_header'
  | 'header_injection'
  | 'invalid_body'
  | 'body_too_large';

export interface TemplateErrorOptions {
  /** The field the template came from: `url`, `headers[1].value`, `body.filterGroups[0].filters[0].value`. */
  path?: string;
  /** The expression at fault (its source, trimmed). */
  expression?: string;
  /** Character offset in the template text, when known. */
  position?: number;
  expressionCode?: ExpressionErrorCode;
  cause?: unknown;
}

/**
 * A template could not be rendered into a request. `message` is user-facing and names the field and the
 * expression; it never contains the value an expression produced (it may be a secret).
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly code: TemplateErrorCode;
  /** The message without the field path in front. */
  readonly detail: string;
  /** Field path, `''` when the template was rendered outside a request. */
  readonly path: string;
  readonly expression?: string;
  readonly position?: number;
  readonly expressionCode?: ExpressionErrorCode;

  constructor(code: TemplateErrorCode, detail: string, options: TemplateErrorOptions = {}) {
    const path = options.path ?? '';
    super(
      path ? `${path}: ${detail}` : detail,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.detail = detail;
    this.path = path;
    if (options.expression !== undefined) this.expression = options.expression;
    if (options.position !== undefined) this.position = options.position;
    if (options.expressionCode !== undefined) this.expressionCode = options.expressionCode;
  }

  /** The same error, placed at a field (kept as is if it already names one). */
  at(path: string): TemplateError {
    if (this.path || !path) return this;
    return new TemplateError(this.code, this.detail, {
      path,
      ...(this.expression !== undefined ? { expression: this.expression } : {}),
      ...(this.position !== undefined ? { position: this.position } : {}),
      ...(this.expressionCode !== undefined ? { expressionCode: this.expressionCode } : {}),
      ...(this.cause !== undefined ? { cause: this.cause } : {}),
    });
  }
}
