/** Whether `sql` may be prepared (see prepared-statement-rules.mjs). */
export function preparable(sql: string, parameterCount: number): boolean;

/** PostgreSQL's answer when a prepared statement's result columns changed since it was planned. */
export function isStalePlan(error: unknown): boolean;
