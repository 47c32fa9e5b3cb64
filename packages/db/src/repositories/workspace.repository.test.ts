import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { AlreadyMemberError } from '../errors/already-member.error';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedWorkspace } from '../testing/fixtures';
import { createUser } from './user.repository';
import {
  addWorkspaceMember,
  createWorkspaceWithOwner,
  getMemberRole,
  getWorkspace,
  isWorkspaceMember,
  listWorkspaceMembers,
  listWorkspacesForUser,
} from './workspace.repository';

describeEachDialect('workspace repository', (ctx) => {
  it('creates a workspace owned by its creator', async () => {
    const { user, workspace } = await seedWorkspace(ctx.db);
    expect(await getMemberRole(ctx.db, workspace.id, user.id)).toBe('owner');
    expect((await getWorkspace(ctx.db, workspace.id))?.name).toBe('Test workspace');
  });

  it('lists a user’s workspaces, the first joined first, with roles', async () => {
    const { user, workspace: first } = await seedWorkspace(ctx.db);
    const other = await createUser(ctx.db, { email: `o-${randomUUID()}@example.com`, password_hash: 'x' });
    const second = await createWorkspaceWithOwner(ctx.db, { name: 'Second', ownerId: other.id });
    await addWorkspaceMember(ctx.db, { workspaceId: second.id, userId: user.id, role: 'member' });
    const list = await listWorkspacesForUser(ctx.db, user.id);
    expect(list.map((w) => [w.id, w.role])).toEqual([
      [first.id, 'owner'],
      [second.id, 'member'],
    ]);
    expect((await listWorkspaceMembers(ctx.db, second.id)).map((m) => m.role)).toEqual(['owner', 'member']);
  });

  it('refuses to add a member twice and keeps the role', async () => {
    const { user, workspace } = await seedWorkspace(ctx.db);
    await expect(
      addWorkspaceMember(ctx.db, { workspaceId: workspace.id, userId: user.id, role: 'member' }),
    ).rejects.toBeInstanceOf(AlreadyMemberError);
    expect(await getMemberRole(ctx.db, workspace.id, user.id)).toBe('owner');
  });

  it('answers "not a member" for strangers and malformed ids', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { user: stranger } = await seedWorkspace(ctx.db);
    expect(await isWorkspaceMember(ctx.db, workspace.id, stranger.id)).toBe(false);
    expect(await isWorkspaceMember(ctx.db, 'nope', stranger.id)).toBe(false);
  });
});
