import {
  createSession,
  createUser,
  createWorkspaceWithOwner,
  deleteSession,
  findUserByEmail,
  withTransaction,
} from '@connectors/db';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../app-context';
import { ApiError } from '../errors/api-error';
import { validate } from '../lib/validate';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../security/password';
import { hashToken, newToken, SESSION_COOKIE, SESSION_TTL_MS } from '../security/tokens';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(8, 'Use at least 8 characters').max(200),
});
const signupSchema = credentialsSchema.extend({
  name: z.string().trim().max(200).optional(),
  workspace_name: z.string().trim().min(1).max(200).optional(),
});

async function startSession(c: Context<AppEnv>, userId: string) {
  const token = newToken('');
  const expires = new Date(Date.now() + SESSION_TTL_MS);
  await createSession(c.var.ctx.db, { id: hashToken(token), user_id: userId, expires_at: expires });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    expires,
  });
}

const publicUser = (u: { id: string; email: string; name: string | null; created_at: Date }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  created_at: u.created_at,
});

export const authRoutes = new Hono<AppEnv>()
  .post('/signup', validate('json', signupSchema), async (c) => {
    const input = c.req.valid('json');
    const passwordHash = await hashPassword(input.password);
    const { user, workspace } = await withTransaction(c.var.ctx.db, async (trx) => {
      const user = await createUser(trx, {
        email: input.email,
        password_hash: passwordHash,
        name: input.name ?? null,
      });
      const workspace = await createWorkspaceWithOwner(trx, {
        name: input.workspace_name ?? `${input.name || input.email.split('@')[0]}'s workspace`,
        ownerId: user.id,
      });
      return { user, workspace };
    });
    await startSession(c, user.id);
    return c.json({ user: publicUser(user), workspace: { ...workspace, role: 'owner' } }, 201);
  })
  .post('/login', validate('json', credentialsSchema), async (c) => {
    const input = c.req.valid('json');
    const user = await findUserByEmail(c.var.ctx.db, input.email);
    const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'The e-mail or the password is wrong');
    await startSession(c, user.id);
    return c.json({ user: publicUser(user) });
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.ctx.db, hashToken(token));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
