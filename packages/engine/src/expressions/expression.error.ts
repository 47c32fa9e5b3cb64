/**
 * What went wrong with a JSONata expression:
 * - `syntax`: it does not parse (or uses a regular expression the linear-time engine cannot run);
 * - `forbidden`: it uses something switched off here (`$eval`);
 * - `evaluation`: it parsed but failed while running (type error, `$error()`, bad argument…);
 * - `timeout`: it ran past its time budget;
 * - `limit`: it, its input or its result is too big or too deeply nested.
 */
export type ExpressionErrorCode = 'syntax' | 'forbidden' | 'evaluation' | 'timeout' | 'limit';

export interface ExpressionErrorOptions {
  /** Character offset in the expression, as JSONata reports it (usually just past the offending token). */
  position?: number;
  /** JSONata's own error code (`S0201`, `T2002`, `D1012`…), when there is one. */
  jsonataCode?: string;
  cause?: unknown;
}

/** The only error type the expression layer throws, so callers can turn it into a user-facing problem. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  /** The expression's source text. */
  readonly expression: string;
  readonly position?: number;
  readonly jsonataCode?: string;

  constructor(
    code: ExpressionErrorCode,
    message: string,
    expression: string,
    options: ExpressionErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.expression = expression;
    if (options.position !== undefined) this.position = options.position;
    if (options.jsonataCode !== undefined) this.jsonataCode = options.jsonataCode;
  }
}

export function isExpressionError(value: unknown): value is ExpressionError {
  return value instanceof ExpressionError;
}
