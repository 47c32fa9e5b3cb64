import type { Executor } from '../database';
import { AlreadyMemberError } from '../errors/already-member.error';
import { isUniqueViolation } from '../errors/unique-violation';
import { isUuid } from '../sql/is-uuid';
import { withTransaction } from '../sql/with-transaction';
import type { WorkspaceRole } from '../tables/column-types';
import type { Workspace } from '../tables/workspace.table';
import type { WorkspaceMember } from '../tables/workspace-member.table';

/** A workspace as one of its members sees it. */
export type WorkspaceWithRole = Workspace & { role: WorkspaceRole };

/** A member of a workspace with the user's e-mail. */
export interface WorkspaceMemberWithEmail {
  user_id: string;
  email: string;
  name: string | null;
  role: WorkspaceRole;
  created_at: Date;
}

/** Creates a workspace and makes `ownerId` its owner, atomically. */
export async function createWorkspaceWithOwner(
  db: Executor,
  input: { name: string; ownerId: string },
): Promise<Workspace> {
  return withTransaction(db, async (trx) => {
    const workspace = await trx
      .insertInto('workspaces')
      .values({ name: input.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('workspace_members')
      .values({ workspace_id: workspace.id, user_id: input.ownerId, role: 'owner' })
      .execute();
    return workspace;
  });
}

/** A workspace by id (not scoped: callers check membership). */
export async function getWorkspace(db: Executor, id: string): Promise<Workspace | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user's workspaces with their role, the one they joined first first (the default workspace). */
export async function listWorkspacesForUser(db: Executor, userId: string): Promise<WorkspaceWithRole[]> {
  if (!isUuid(userId)) return [];
  return db
    .selectFrom('workspace_members as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .selectAll('w')
    .select('m.role')
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute();
}

/**
 * Adds a user to a workspace.
 * @throws AlreadyMemberError when the user already belongs to it (their role is left unchanged).
 */
export async function addWorkspaceMember(
  db: Executor,
  input: { workspaceId: string; userId: string; role: WorkspaceRole },
): Promise<WorkspaceMember> {
  try {
    return await db
      .insertInto('workspace_members')
      .values({ workspace_id: input.workspaceId, user_id: input.userId, role: input.role })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error, 'workspace_members_pkey')) {
      throw new AlreadyMemberError(input.workspaceId, input.userId, { cause: error });
    }
    throw error;
  }
}

/** The user's role in the workspace, or undefined if they are not a member. */
export async function getMemberRole(
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceRole | undefined> {
  if (!isUuid(workspaceId) || !isUuid(userId)) return undefined;
  const row = await db
    .selectFrom('workspace_members')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

/** True if the user belongs to the workspace. */
export async function isWorkspaceMember(db: Executor, workspaceId: string, userId: string): Promise<boolean> {
  return (await getMemberRole(db, workspaceId, userId)) !== undefined;
}

/** The workspace's members, oldest first. */
export async function listWorkspaceMembers(
  db: Executor,
  workspaceId: string,
): Promise<WorkspaceMemberWithEmail[]> {
  if (!isUuid(workspaceId)) return [];
  return db
    .selectFrom('workspace_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.email', 'u.name', 'm.role', 'm.created_at'])
    .where('m.workspace_id', '=', workspaceId)
    .orderBy('m.created_at')
    .orderBy('m.user_id')
    .execute();
}
