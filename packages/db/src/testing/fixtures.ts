import { randomUUID } from 'node:crypto';
import type { Executor } from '../database';
import { createConnector } from '../repositories/connector.repository';
import { createUser } from '../repositories/user.repository';
import { createWorkspaceWithOwner } from '../repositories/workspace.repository';
import type { Connector } from '../tables/connector.table';
import type { User } from '../tables/user.table';
import type { Workspace } from '../tables/workspace.table';

/** A user owning a new workspace: the starting point of most tests. */
export async function seedWorkspace(db: Executor): Promise<{ user: User; workspace: Workspace }> {
  const user = await createUser(db, { email: `user-${randomUUID()}@example.com`, password_hash: 'x' });
  const workspace = await createWorkspaceWithOwner(db, { name: 'Test workspace', ownerId: user.id });
  return { user, workspace };
}

/** A minimal valid graph, as the engine would store it. */
export const EMPTY_GRAPH = { version: 1, nodes: [], edges: [] };

/** A connector with a unique name in the workspace. */
export async function seedConnector(
  db: Executor,
  workspaceId: string,
  name = `c-${randomUUID()}`,
): Promise<Connector> {
  return createConnector(db, workspaceId, { name, config: EMPTY_GRAPH });
}
