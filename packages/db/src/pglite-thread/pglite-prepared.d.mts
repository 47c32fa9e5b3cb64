import type { PGlite, Results } from '@electric-sql/pglite';

/** Named statements for PGlite (see pglite-prepared.mjs). */
export interface PreparedStatements {
  query(text: string, params?: unknown[]): Promise<Results<Record<string, unknown>>>;
  /** How many statement texts are prepared. */
  readonly size: number;
}

export function createPreparedStatements(pglite: PGlite, options?: { limit?: number }): PreparedStatements;
