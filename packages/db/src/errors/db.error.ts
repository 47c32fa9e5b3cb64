/**
 * Base of the errors repositories throw for expected, user-facing outcomes (the API maps `code` to a
 * status). Anything else a repository throws is an infrastructure fault.
 */
export abstract class DbError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
