const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a syntactically valid UUID. Repositories answer "not found" for anything else instead of
 * letting PostgreSQL raise `invalid input syntax for type uuid` (a 500 for bad input).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
