import { findUserById, getWorkspace, listWorkspacesForUser } from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';

/** `GET /me`: who is calling, the workspace this request acts in, and (for users) all their workspaces. */
export const meRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { db } = c.var.ctx;
  const auth = c.var.auth;
  const user = auth.userId && auth.sessionId ? await findUserById(db, auth.userId) : undefined;
  const workspaces = user ? await listWorkspacesForUser(db, user.id) : [];
  const workspace =
    workspaces.find((w) => w.id === auth.workspaceId) ?? (await getWorkspace(db, auth.workspaceId));
  return c.json({
    user: user ? { id: user.id, email: user.email, name: user.name, created_at: user.created_at } : null,
    api_key_id: auth.apiKeyId,
    workspace,
    workspaces,
  });
});
