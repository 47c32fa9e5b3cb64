import { DbError } from './db.error';

/** An update named a `version` that is no longer current (someone saved in between): HTTP 409. */
export class StaleVersionError extends DbError {
  readonly code = 'stale_version';

  constructor(
    readonly resource: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`${resource} ${id} is at version ${currentVersion}, not ${expectedVersion}`);
  }
}
