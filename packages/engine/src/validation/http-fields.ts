import { type GraphNodeOf, HTTP_METHODS } from '../graph';
import type { ValidationContext } from './context';
import { checkHeaderName } from './http-headers';
import { checkUrl } from './http-url';
import { error, type GraphProblem, warning } from './problem';

type HttpNode = GraphNodeOf<'http'>;

/** Method, URL, headers, auth, timeout, retry and body size of every http node. */
export function checkHttpNodes(ctx: ValidationContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  ctx.graph.nodes.forEach((node, index) => {
    if (node.type !== 'http') return;
    const at = (...rest: (string | number)[]) => ['nodes', index, 'data', ...rest];
    const extra = { nodeId: node.id };
    problems.push(...checkMethod(node, at('method'), extra));
    for (const issue of checkUrl(node.data.url ?? ''))
      problems.push(error(issue.code, issue.message, at('url'), extra));
    problems.push(...checkRows(node, at, extra));
    problems.push(...checkAuth(node, at, extra));
    problems.push(...checkTiming(node, at, extra));
    problems.push(...checkBody(ctx, node, at('body'), extra));
  });
  return problems;
}

type At = (...rest: (string | number)[]) => (string | number)[];
type Extra = { nodeId: string };

function checkMethod(node: HttpNode, path: (string | number)[], extra: Extra): GraphProblem[] {
  const method = typeof node.data.method === 'string' ? node.data.method : '';
  const upper = method.trim().toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(upper)) {
    return [
      error(
        'invalid_method',
        `'${method}' is not an HTTP method: use one of ${HTTP_METHODS.join(', ')}.`,
        path,
        extra,
      ),
    ];
  }
  if (method !== upper) {
    // The request builder upper-cases it, so this runs; the stored graph should still say what is sent.
    return [warning('method_case', `Write the method in upper case: ${upper}.`, path, extra)];
  }
  return [];
}

function checkRows(node: HttpNode, at: At, extra: Extra): GraphProblem[] {
  const problems: GraphProblem[] = [];
  (node.data.headers ?? []).forEach((row, i) => {
    if (row.enabled === false) return;
    const key = row.key ?? '';
    if (key.trim() === '') {
      if ((row.value ?? '') !== '') {
        problems.push(
          error(
            'invalid_header_name',
            `Header ${i + 1} has a value but no name: give it a name.`,
            at('headers', i, 'key'),
            extra,
          ),
        );
      }
      return;
    }
    const issue = checkHeaderName(key);
    if (issue) problems.push(error(issue.code, issue.message, at('headers', i, 'key'), extra));
    if (/[\r\n\0]/.test(row.value ?? '')) {
      problems.push(
        error(
          'invalid_header_value',
          `The value of header ${key} contains a line break or NUL character: remove it.`,
          at('headers', i, 'value'),
          extra,
        ),
      );
    }
  });
  (node.data.queryParams ?? []).forEach((row, i) => {
    if (row.enabled !== false && (row.key ?? '').trim() === '' && (row.value ?? '') !== '') {
      problems.push(
        warning(
          'empty_query_key',
          `Query parameter ${i + 1} has a value but no name: give it a name.`,
          at('queryParams', i, 'key'),
          extra,
        ),
      );
    }
  });
  return problems;
}

/** Which auth fields must be filled in, per auth type. */
const REQUIRED_AUTH_FIELDS: Record<string, string[]> = {
  none: [],
  bearer: ['token'],
  'api-key': ['apiKey'],
  basic: ['username'],
  oauth2: ['tokenUrl', 'clientId', 'clientSecret'],
};

function checkAuth(node: HttpNode, at: At, extra: Extra): GraphProblem[] {
  const auth = node.data.auth as Record<string, unknown> | undefined;
  if (!auth || typeof auth !== 'object') return [];
  const type = String(auth.type);
  const required = Object.hasOwn(REQUIRED_AUTH_FIELDS, type) ? REQUIRED_AUTH_FIELDS[type] : undefined;
  if (!required) {
    return [
      error(
        'invalid_auth',
        `Unknown auth type '${type}': use ${Object.keys(REQUIRED_AUTH_FIELDS).join(', ')}.`,
        at('auth', 'type'),
        extra,
      ),
    ];
  }
  const problems: GraphProblem[] = [];
  for (const field of required) {
    const value = auth[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(
        error(
          'missing_auth_field',
          `${type} auth needs ${field}: fill it in (a secret like {{workspace.my_token}} works).`,
          at('auth', field),
          extra,
        ),
      );
    }
  }
  if (type === 'api-key' && auth.in !== 'query') {
    for (const field of ['name', 'headerName']) {
      const name = auth[field];
      if (typeof name !== 'string' || name.trim() === '') continue;
      const issue = checkHeaderName(name);
      if (issue) problems.push(error(issue.code, issue.message, at('auth', field), extra));
    }
  }
  if (type === 'oauth2' && typeof auth.tokenUrl === 'string' && auth.tokenUrl.trim() !== '') {
    for (const issue of checkUrl(auth.tokenUrl, 'The token URL'))
      problems.push(error(issue.code, issue.message, at('auth', 'tokenUrl'), extra));
  }
  return problems;
}

function checkTiming(node: HttpNode, at: At, extra: Extra): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const { timeoutMs, retry } = node.data;
  if (timeoutMs !== undefined) {
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 300_000) {
      problems.push(
        error(
          'invalid_timeout',
          'The timeout must be a whole number of milliseconds between 1 and 300000.',
          at('timeoutMs'),
          extra,
        ),
      );
    } else if (timeoutMs < 100) {
      problems.push(
        warning(
          'short_timeout',
          `A ${timeoutMs} ms timeout will fail almost every real request: use at least 1000.`,
          at('timeoutMs'),
          extra,
        ),
      );
    }
  }
  if (retry) {
    if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1 || retry.maxAttempts > 10) {
      problems.push(
        error(
          'invalid_retry',
          'Attempts must be a whole number from 1 to 10 (1 means no retry).',
          at('retry', 'maxAttempts'),
          extra,
        ),
      );
    }
    if (!(retry.factor >= 1)) {
      problems.push(
        error('invalid_retry', 'The backoff factor must be at least 1.', at('retry', 'factor'), extra),
      );
    }
    if (retry.minDelayMs > retry.maxDelayMs) {
      problems.push(
        error(
          'invalid_retry',
          `The first retry delay (${retry.minDelayMs} ms) is longer than the longest (${retry.maxDelayMs} ms): swap them.`,
          at('retry', 'minDelayMs'),
          extra,
        ),
      );
    }
  }
  return problems;
}

function checkBody(
  ctx: ValidationContext,
  node: HttpNode,
  path: (string | number)[],
  extra: Extra,
): GraphProblem[] {
  if (node.data.body === undefined || node.data.body === null) return [];
  const method = typeof node.data.method === 'string' ? node.data.method.trim().toUpperCase() : '';
  if (method === 'GET' || method === 'HEAD') {
    // The request builder drops it; say so rather than let the user wonder why the API never sees it.
    return [
      warning(
        'body_ignored',
        `${method} requests are sent without a body: use POST, PUT or PATCH, or remove the body.`,
        path,
        extra,
      ),
    ];
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(node.data.body);
  } catch {
    return [
      error('invalid_body', 'The body is not JSON: write it as a JSON object, array or string.', path, extra),
    ];
  }
  if (text === undefined) return [];
  // Length in UTF-16 units is a cheap lower bound; only encode when it could be over the limit.
  const bytes = text.length * 3 <= ctx.maxBodyBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes <= ctx.maxBodyBytes) return [];
  return [
    error(
      'body_too_large',
      `The body is ${bytes} bytes; the limit is ${ctx.maxBodyBytes}. Send less data per request.`,
      path,
      extra,
    ),
  ];
}
