import {
  addWorkspaceMember,
  createWorkspaceWithOwner,
  findUserByEmail,
  getMemberRole,
  getWorkspace,
  listWorkspaceMembers,
  listWorkspacesForUser,
} from '@connectors/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-context';
import { ApiError, forbidden, notFound } from '../errors/api-error';
import { validate } from '../lib/validate';

const createSchema = z.object({ name: z.string().trim().min(1).max(200) });
const memberSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  role: z.enum(['admin', 'member']).default('member'),
});

/** Workspaces of the signed-in user; with an API key, only the key's own workspace. */
export const workspaceRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db } = c.var.ctx;
    const { userId, sessionId, workspaceId } = c.var.auth;
    if (userId && sessionId)
      return c.json({ data: await listWorkspacesForUser(db, userId), next_cursor: null });
    const workspace = await getWorkspace(db, workspaceId);
    return c.json({ data: workspace ? [workspace] : [], next_cursor: null });
  })
  .post('/', validate('json', createSchema), async (c) => {
    const { userId, sessionId } = c.var.auth;
    if (!userId || !sessionId) throw new ApiError(403, 'session_required', 'Sign in to create a workspace');
    const workspace = await createWorkspaceWithOwner(c.var.ctx.db, {
      name: c.req.valid('json').name,
      ownerId: userId,
    });
    return c.json({ ...workspace, role: 'owner' }, 201);
  })
  .get('/:id/members', async (c) => {
    const { db } = c.var.ctx;
    const id = c.req.param('id');
    if (!(await canSee(c.var.auth, db, id))) throw notFound('Workspace');
    return c.json({ data: await listWorkspaceMembers(db, id), next_cursor: null });
  })
  .post('/:id/members', validate('json', memberSchema), async (c) => {
    const { db } = c.var.ctx;
    const id = c.req.param('id');
    if (!(await canSee(c.var.auth, db, id))) throw notFound('Workspace');
    const role = c.var.auth.userId ? await getMemberRole(db, id, c.var.auth.userId) : undefined;
    if (role !== 'owner' && role !== 'admin') throw forbidden('Only owners and admins can add members');
    const input = c.req.valid('json');
    const user = await findUserByEmail(db, input.email);
    if (!user) {
      throw new ApiError(
        404,
        'user_not_found',
        `No user has signed up with ${input.email}; ask them to sign up first`,
      );
    }
    const member = await addWorkspaceMember(db, { workspaceId: id, userId: user.id, role: input.role });
    return c.json({ ...member, email: user.email }, 201);
  });

async function canSee(
  auth: AppEnv['Variables']['auth'],
  db: AppEnv['Variables']['ctx']['db'],
  workspaceId: string,
): Promise<boolean> {
  if (auth.apiKeyId) return auth.workspaceId === workspaceId;
  return auth.userId !== null && (await getMemberRole(db, workspaceId, auth.userId)) !== undefined;
}
