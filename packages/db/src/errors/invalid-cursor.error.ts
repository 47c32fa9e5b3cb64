import { DbError } from './db.error';

/** A pagination cursor that this package did not produce: HTTP 400. */
export class InvalidCursorError extends DbError {
  readonly code = 'invalid_cursor';

  constructor(readonly cursor: string) {
    super('Invalid pagination cursor');
  }
}
