/**
 * The typed API client's transport: `fetch` on the same origin with the session cookie, the chosen
 * workspace in `X-Workspace-Id`, and the API's `{ error: { code, message, details } }` body turned into
 * an `ApiRequestError` the screens can show.
 */

/** An error answered by the API (or the network), with the API's stable code and its message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export function isApiError(value: unknown, code?: string): value is ApiRequestError {
  return value instanceof ApiRequestError && (code === undefined || value.code === code);
}

/** Lists come back as `{ data, next_cursor }`. */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

let workspaceId: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Every later request acts in this workspace (null: the user's first). */
export function setWorkspaceId(id: string | null): void {
  workspaceId = id;
}

export function getWorkspaceId(): string | null {
  return workspaceId;
}

/** Called when a request answers 401 (the session ended), so the shell can send the user to sign in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

/** Sends one request to `/api/v1<path>` and returns the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(`/api/v1${path}`, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (workspaceId) headers['X-Workspace-Id'] = workspaceId;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError(
      0,
      'network_error',
      'The server cannot be reached. Check that it is running and try again.',
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    throw new ApiRequestError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
      error?.details,
    );
  }
  return json as T;
}
