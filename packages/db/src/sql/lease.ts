import { sql } from 'kysely';

/**
 * A lease's end `leaseMs` from now (at least 1 ms), computed by the database so every worker measures
 * leases on the same clock. Executions and flow runs lease alike.
 */
export function leaseUntil(leaseMs: number) {
  return sql<Date>`now() + cast(${Math.max(1, Math.round(leaseMs))} as integer) * interval '1 millisecond'`;
}

/** A lease end already past: the next claim, by any worker, takes the run at once. */
export function leaseExpiredNow() {
  return sql<Date>`now() - interval '1 millisecond'`;
}
