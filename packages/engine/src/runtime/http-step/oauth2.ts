import type { HttpClient } from '../../ports';
import { parseResponseBody } from './response-body';

export interface ClientCredentialsRequest {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  audience?: string;
  clientAuth: 'header' | 'body';
  timeoutMs: number;
  signal: AbortSignal;
}

export class OAuth2Error extends Error {
  readonly code = 'oauth2';
}

/** RFC 6749 §4.4: exchanges client credentials for an access token, through the same guarded client. */
export async function fetchClientCredentialsToken(
  http: HttpClient,
  req: ClientCredentialsRequest,
): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (req.scope) form.set('scope', req.scope);
  if (req.audience) form.set('audience', req.audience);
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (req.clientAuth === 'header') {
    const basic = `${encodeURIComponent(req.clientId)}:${encodeURIComponent(req.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  } else {
    form.set('client_id', req.clientId);
    form.set('client_secret', req.clientSecret);
  }
  const res = await http.request({
    method: 'POST',
    url: req.tokenUrl,
    headers,
    body: form.toString(),
    timeoutMs: req.timeoutMs,
    maxResponseBytes: 256 * 1024,
    signal: req.signal,
    sensitiveHeaders: ['authorization'],
    secretValues: [req.clientSecret],
  });
  const body = parseResponseBody(res.body, res.headers['content-type']) as { access_token?: unknown } | null;
  if (res.status >= 400 || typeof body?.access_token !== 'string') {
    throw new OAuth2Error(`The OAuth2 token endpoint answered ${res.status} without an access_token`);
  }
  return body.access_token;
}
