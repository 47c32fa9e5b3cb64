import { DbError } from './db.error';

/** A user with this e-mail (compared case-insensitively) already exists: HTTP 409. */
export class EmailTakenError extends DbError {
  readonly code = 'email_taken';

  constructor(
    readonly email: string,
    options?: ErrorOptions,
  ) {
    super(`A user with e-mail ${email} already exists`, options);
  }
}
