/**
 * True when `error` is PostgreSQL's unique violation (SQLSTATE 23505), optionally of one constraint or
 * index. Both `pg` and PGlite errors carry `code` and `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: actual } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || actual === constraint);
}
