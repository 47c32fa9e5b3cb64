import { renderTemplate } from '../../expressions';
import type { Auth } from '../../graph/nodes/http-node.schema';
import type { HttpClient } from '../../ports';
import { fetchClientCredentialsToken } from './oauth2';

export interface AppliedAuth {
  headers: Record<string, string>;
  query: [string, string][];
  /** Values derived from secrets here (e.g. the Basic header, the OAuth2 token), to be masked too. */
  secrets: string[];
}

async function render(text: string, scope: Record<string, unknown>, field: string): Promise<string> {
  try {
    const value = await renderTemplate(text, scope, { mode: 'string' });
    return value === null || value === undefined ? '' : String(value);
  } catch (err) {
    throw Object.assign(err instanceof Error ? err : new Error(String(err)), { path: `auth.${field}` });
  }
}

/**
 * Turns a node's `auth` into headers or query parameters. Templates are rendered in string mode, so
 * `{{workspace.hubspot_token}}` becomes the token itself.
 */
export async function applyAuth(
  auth: Auth | undefined,
  scope: Record<string, unknown>,
  deps: { http: HttpClient; cache: Map<string, Promise<unknown>>; timeoutMs: number; signal: AbortSignal },
): Promise<AppliedAuth> {
  const applied: AppliedAuth = { headers: {}, query: [], secrets: [] };
  if (!auth) return applied;
  switch (auth.type) {
    case 'none':
      return applied;
    case 'bearer': {
      const token = await render(auth.token, scope, 'token');
      applied.headers.Authorization = `Bearer ${token}`;
      applied.secrets.push(token);
      return applied;
    }
    case 'api-key': {
      const key = await render(auth.apiKey, scope, 'apiKey');
      const name = auth.name || auth.headerName || (auth.in === 'query' ? 'api_key' : 'X-API-Key');
      if (auth.in === 'query') applied.query.push([name, key]);
      else applied.headers[name] = key;
      applied.secrets.push(key);
      return applied;
    }
    case 'basic': {
      const username = await render(auth.username, scope, 'username');
      const password = await render(auth.password, scope, 'password');
      const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
      applied.headers.Authorization = `Basic ${encoded}`;
      applied.secrets.push(password, encoded);
      return applied;
    }
    case 'oauth2': {
      const clientId = await render(auth.clientId, scope, 'clientId');
      const clientSecret = await render(auth.clientSecret, scope, 'clientSecret');
      const tokenUrl = await render(auth.tokenUrl, scope, 'tokenUrl');
      const key = `oauth2:${tokenUrl}:${clientId}:${auth.scope ?? ''}:${auth.audience ?? ''}`;
      // Fetched once per run and shared by every node that uses the same client.
      let pending = deps.cache.get(key) as Promise<string> | undefined;
      if (!pending) {
        pending = fetchClientCredentialsToken(deps.http, {
          tokenUrl,
          clientId,
          clientSecret,
          scope: auth.scope,
          audience: auth.audience,
          clientAuth: auth.clientAuth,
          timeoutMs: deps.timeoutMs,
          signal: deps.signal,
        });
        deps.cache.set(key, pending);
        pending.catch(() => deps.cache.delete(key));
      }
      const token = await pending;
      applied.headers.Authorization = `Bearer ${token}`;
      applied.secrets.push(
        clientSecret,
        token,
        Buffer.from(`${clientId}:${clientSecret}`).toString('base64'),
      );
      return applied;
    }
  }
}
