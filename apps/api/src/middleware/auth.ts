import { findApiKeyByHash, findValidSession, isWorkspaceMember, listWorkspacesForUser } from '@connectors/db';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-context';
import { ApiError, unauthorized } from '../errors/api-error';
import { API_KEY_PREFIX, hashToken, SESSION_COOKIE } from '../security/tokens';

/**
 * Authenticates with `Authorization: Bearer <api key>` (acts in the key's workspace) or the session
 * cookie (acts in `X-Workspace-Id`, default the user's first workspace). Everything after it is scoped to
 * `c.var.auth.workspaceId`.
 *
 * A `GET` may name the workspace as `?workspace_id=` instead of the header: a browser's EventSource (the
 * live events of a run) cannot send headers. Same membership check; only for reads.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const { db } = c.var.ctx;
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]?.startsWith(API_KEY_PREFIX)) throw unauthorized('The API key is missing or malformed');
    const key = await findApiKeyByHash(db, hashToken(match[1]));
    if (!key) throw unauthorized('The API key is not valid or was revoked');
    c.set('auth', {
      workspaceId: key.workspace_id,
      userId: key.created_by,
      apiKeyId: key.id,
      sessionId: null,
    });
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) throw unauthorized();
  const sessionId = hashToken(token);
  const session = await findValidSession(db, sessionId);
  if (!session) throw unauthorized('Your session has expired; sign in again');
  const requested =
    c.req.header('x-workspace-id') ?? (c.req.method === 'GET' ? c.req.query('workspace_id') : undefined);
  let workspaceId: string | undefined;
  if (requested) {
    // isWorkspaceMember answers false for a malformed id, so any bad header is the same 404.
    if (!(await isWorkspaceMember(db, requested, session.user_id))) {
      throw new ApiError(404, 'not_found', 'Workspace not found');
    }
    workspaceId = requested;
  } else {
    workspaceId = (await listWorkspacesForUser(db, session.user_id))[0]?.id;
    if (!workspaceId) throw new ApiError(404, 'not_found', 'You are not a member of any workspace');
  }
  c.set('auth', { workspaceId, userId: session.user_id, apiKeyId: null, sessionId });
  return next();
});

/** Routes that only make sense for a signed-in person (not an API key). */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.auth.userId || !c.var.auth.sessionId) {
    throw new ApiError(403, 'session_required', 'This action needs a signed-in user, not an API key');
  }
  return next();
});
