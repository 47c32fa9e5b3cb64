/**
 * Expressions and templates: JSONata with guardrails (time, depth, size, linear-time regexes, no
 * `$eval`), `{{ expr }}` templates, and the structural interpolation of http requests (DESIGN §3, §7).
 */
export type { AstNode } from './ast';
export {
  type CompiledExpression,
  checkExpression,
  clearExpressionCache,
  compileExpression,
  type ExpressionCheck,
} from './expression';
export { ExpressionError, type ExpressionErrorCode, isExpressionError } from './expression.error';
export { fieldPath } from './field-path';
export { assertInputSize, jsonByteLength, utf8ByteLength } from './input-size';
export { isForbiddenHeader } from './interpolate-headers';
export {
  DEFAULT_MAX_BODY_BYTES,
  type InterpolateRequestOptions,
  interpolateRequest,
} from './interpolate-request';
export { classifyUrlTemplates, interpolateUrl, type UrlZone } from './interpolate-url';
export { DEFAULT_EXPRESSION_LIMITS, type ExpressionLimits } from './limits';
export { collectReferences } from './references';
export { Re2RegExp } from './regex-engine';
export type {
  BodyType,
  InterpolatedRequest,
  InterpolationOptions,
  KeyValueTemplate,
  MissingValue,
  RequestTemplate,
} from './request-template';
export {
  type ExprPart,
  hasTemplate,
  isWholeTemplate,
  parseTemplate,
  type RenderedTemplate,
  type RenderTemplateOptions,
  renderTemplate,
  renderTemplateDetailed,
  stringifyValue,
  type TemplatePart,
  type TextPart,
  templateReferences,
} from './template';
export { TemplateError, type TemplateErrorCode } from './template.error';
