import { utf8ByteLength } from './input-size';
import { interpolateFormBody, interpolateJsonBody, interpolateTextBody } from './interpolate-body';
import { interpolateHeaders } from './interpolate-headers';
import { appendQuery, interpolateKeyValues, listRows } from './interpolate-query';
import { interpolateUrl } from './interpolate-url';
import type {
  BodyType,
  InterpolatedRequest,
  InterpolationOptions,
  MissingValue,
  RequestTemplate,
} from './request-template';
import { TemplateError } from './template.error';

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export interface InterpolateRequestOptions extends InterpolationOptions {
  /** Largest body, in UTF-8 bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

const DEFAULT_CONTENT_TYPES: Record<Exclude<BodyType, 'none'>, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  text: 'text/plain; charset=utf-8',
};

/** An HTTP method is a token; the usual ones are upper-cased. */
const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Builds an http node's request from its templates with `$` = `scope` (DESIGN §3), structurally: the
 * URL by zone (see `interpolateUrl`), query parameters with URLSearchParams (a value yielding nothing
 * drops the parameter), headers checked (see `interpolateHeaders`), and the body by type (see
 * `interpolateJsonBody`). GET and HEAD requests are sent without a body: it is not even rendered.
 * Throws `TemplateError`, naming the field, before anything is sent.
 */
export async function interpolateRequest(
  template: RequestTemplate,
  scope: object,
  options: InterpolateRequestOptions = {},
): Promise<InterpolatedRequest> {
  const render: InterpolationOptions = {
    ...(options.bindings ? { bindings: options.bindings } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const method = normaliseMethod(template.method);
  const missing: MissingValue[] = [];

  const url = await interpolateUrl(template.url, scope, render);
  appendQuery(
    url,
    await interpolateKeyValues(listRows(template.queryParams ?? [], 'queryParams'), scope, render, missing),
  );
  const headers = await interpolateHeaders(template.headers ?? [], scope, render);
  const request: InterpolatedRequest = { method, url: url.toString(), headers, missing };

  const bodyType = resolveBodyType(template);
  if (bodyType === 'none' || method === 'GET' || method === 'HEAD') return request;
  const body = await renderBody(bodyType, template.body, scope, render, missing);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bytes = utf8ByteLength(body);
  if (bytes > maxBytes) {
    throw new TemplateError(
      'body_too_large',
      `The request body is ${bytes} bytes; at most ${maxBytes} are allowed`,
      {
        path: 'body',
      },
    );
  }
  request.body = body;
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (!hasContentType) request.contentType = DEFAULT_CONTENT_TYPES[bodyType];
  return request;
}

function normaliseMethod(method: string): string {
  const trimmed = typeof method === 'string' ? method.trim() : '';
  if (!METHOD.test(trimmed)) {
    throw new TemplateError('invalid_method', `"${trimmed}" is not an HTTP method`, { path: 'method' });
  }
  return trimmed.toUpperCase();
}

/** `none` without a body (or with `null`); otherwise the given type, else `text` for strings, `json` for the rest. */
function resolveBodyType(template: RequestTemplate): BodyType {
  if (template.body === undefined || template.body === null) return 'none';
  if (template.bodyType) return template.bodyType;
  return typeof template.body === 'string' ? 'text' : 'json';
}

function renderBody(
  type: Exclude<BodyType, 'none'>,
  body: unknown,
  scope: unknown,
  render: InterpolationOptions,
  missing: MissingValue[],
): Promise<string> {
  switch (type) {
    case 'json':
      return interpolateJsonBody(body, scope, render, missing);
    case 'form':
      return interpolateFormBody(body, scope, render, missing);
    case 'text':
      return interpolateTextBody(body, scope, render, missing);
  }
}
