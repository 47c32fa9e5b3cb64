import { DbError } from './db.error';

/** The user already belongs to the workspace: HTTP 409. */
export class AlreadyMemberError extends DbError {
  readonly code = 'already_member';

  constructor(
    readonly workspaceId: string,
    readonly userId: string,
    options?: ErrorOptions,
  ) {
    super(`User ${userId} is already a member of workspace ${workspaceId}`, options);
  }
}
