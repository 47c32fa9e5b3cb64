import { interpolateRequest } from '../../expressions';
import type { HttpNode } from '../../graph/nodes/http-node.schema';
import type { HttpResponse } from '../../ports';
import type { NodeExecutionContext, NodeOutcome } from '../executor';
import { applyAuth } from '../http-step/auth';
import { bodyText, parseResponseBody, storedBody } from '../http-step/response-body';
import { backoffDelay, effectiveRetry, isRetryableStatus, parseRetryAfter } from '../http-step/retry-policy';
import { hostViolations, httpNodeTemplates, resolveSecretScope } from '../http-step/secret-scope';
import type { AttemptRecord, NodeError } from '../node-result';
import { failedOutcome } from './failed-outcome';

interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((h) => h.toLowerCase() === lower);
}

/**
 * One http node: resolve the secrets it references, build the request structurally, then send it with
 * retries (network errors, timeouts, 408, 429, 5xx; `Retry-After` honoured), recording every attempt.
 */
export async function executeHttp(ctx: NodeExecutionContext<HttpNode>): Promise<NodeOutcome> {
  const { node, ports, settings, signal } = ctx;
  const data = node.data;
  const secrets: string[] = [];
  const timeoutMs = data.timeoutMs ?? settings.defaultTimeoutMs;

  let request: BuiltRequest;
  try {
    const secretScope = await resolveSecretScope(httpNodeTemplates(data), ports.secrets);
    for (const { secret } of secretScope.resolved) secrets.push(secret.value);
    const scope = { ...ctx.scope, workspace: secretScope.workspace, credentials: secretScope.credentials };
    const built = await interpolateRequest(
      {
        method: data.method.toUpperCase(),
        url: data.url,
        queryParams: data.queryParams,
        headers: data.headers,
        body: data.body,
        bodyType: data.bodyType,
      },
      scope,
      { maxBodyBytes: settings.limits.maxRequestBodyBytes },
    );
    const auth = await applyAuth(data.auth, scope, {
      http: ports.http,
      cache: settings.cache,
      timeoutMs,
      signal,
    });
    secrets.push(...auth.secrets);
    const url = new URL(built.url);
    for (const [k, v] of auth.query) url.searchParams.append(k, v);
    const headers: Record<string, string> = { ...built.headers };
    for (const [k, v] of Object.entries(auth.headers)) if (!hasHeader(headers, k)) headers[k] = v;
    if (built.body !== undefined && built.contentType && !hasHeader(headers, 'content-type')) {
      headers['Content-Type'] = built.contentType;
    }
    if (!hasHeader(headers, 'accept')) headers.Accept = 'application/json, text/plain, */*';
    // Lets a provider de-duplicate a step that is re-sent after a crash (DESIGN §3).
    if (!hasHeader(headers, 'idempotency-key')) {
      headers['Idempotency-Key'] = `${settings.run.executionId}:${node.id}`;
    }
    const violations = hostViolations(url.toString(), secretScope.resolved);
    if (violations.length > 0) {
      return {
        status: 'failed',
        mappingInput: null,
        secrets,
        error: {
          code: 'credential_host_not_allowed',
          message: `${violations.join(', ')} may not be sent to ${url.hostname}: the credential is bound to other hosts`,
          path: 'data.url',
        },
      };
    }
    request = {
      method: built.method,
      url: url.toString(),
      headers,
      ...(built.body !== undefined ? { body: built.body } : {}),
    };
  } catch (err) {
    return { ...failedOutcome(err, ['data'], null), secrets };
  }

  const retry = effectiveRetry(data.retry, settings.defaultMaxRetries);
  const random = ports.random ?? Math.random;
  const attempts: AttemptRecord[] = [];
  const sensitiveHeaders = Object.keys(request.headers).filter((h) =>
    secrets.some((s) => s && request.headers[h]!.includes(s)),
  );
  let lastError: NodeError = { code: 'internal', message: 'The request was not sent' };

  for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
    const started = ports.clock.now();
    const record: AttemptRecord = {
      attempt,
      started_at: new Date(started).toISOString(),
      duration_ms: 0,
      request: {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: storedBody(bodyText(request.body), settings.limits.maxStoredBodyBytes) as string | null,
      },
      response: null,
      error: null,
    };
    attempts.push(record);

    let response: HttpResponse | undefined;
    let retryable = false;
    let retryAfterMs: number | undefined;
    try {
      response = await ports.http.request({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        timeoutMs,
        maxResponseBytes: settings.limits.maxResponseBytes,
        signal,
        sensitiveHeaders,
        secretValues: secrets,
      });
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown; retryable?: unknown };
      const code = typeof e.code === 'string' ? e.code : 'network';
      record.error = typeof e.message === 'string' ? e.message : String(err);
      lastError = { code, message: record.error };
      // The client knows which failures are transient (a TLS certificate error is not, a reset is).
      retryable =
        !signal.aborted &&
        (typeof e.retryable === 'boolean' ? e.retryable : code === 'timeout' || code === 'network');
    }
    record.duration_ms = ports.clock.now() - started;

    if (response) {
      const body = parseResponseBody(response.body, response.headers['content-type']);
      record.response = {
        status: response.status,
        headers: response.headers,
        body: storedBody(body, settings.limits.maxStoredBodyBytes),
      };
      if (response.status < 400) {
        return {
          status: 'success',
          output: { status: response.status },
          attempts,
          mappingInput: body,
          mappingBindings: { status: response.status, headers: response.headers },
          secrets,
        };
      }
      record.error = `HTTP ${response.status}`;
      lastError = {
        code: 'http_status',
        message: `${request.method} ${request.url} answered HTTP ${response.status}`,
        status: response.status,
        body: storedBody(body, settings.limits.maxStoredBodyBytes),
      };
      retryable = isRetryableStatus(response.status);
      retryAfterMs = parseRetryAfter(response.headers['retry-after'], ports.clock.now());
    }

    if (!retryable || attempt === retry.maxAttempts || signal.aborted) break;
    const delay = retryAfterMs ?? backoffDelay(retry, attempt, random);
    record.retry_delay_ms = delay;
    try {
      await ports.clock.sleep(delay, signal);
    } catch {
      break; // cancelled or past the run's deadline while waiting
    }
  }

  if (attempts.length > 1) lastError.message += ` (after ${attempts.length} attempts)`;
  return { status: 'failed', attempts, mappingInput: null, error: lastError, secrets };
}
