import { DbError } from './db.error';

/** A name that must be unique in its workspace is already used: HTTP 409. */
export class NameTakenError extends DbError {
  readonly code = 'name_taken';

  constructor(
    readonly resource: string,
    readonly takenName: string,
    options?: ErrorOptions,
  ) {
    super(`A ${resource} named "${takenName}" already exists`, options);
  }
}
