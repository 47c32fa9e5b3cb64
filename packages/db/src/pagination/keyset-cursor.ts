import { InvalidCursorError } from '../errors/invalid-cursor.error';
import { isUuid } from '../sql/is-uuid';

/** A page of a list ordered newest first; `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Where a page starts: strictly after this (created_at, id) in (created_at DESC, id DESC) order. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

/** Options shared by every keyset-paginated list. */
export interface PageOptions {
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
  /** Page size, 1 to 200 (default 50). */
  limit?: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Clamps a requested page size into 1..200. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(limit)));
}

/** Encodes a position as an opaque, URL-safe cursor. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; throws `InvalidCursorError` for anything else. */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [iso, id] = parsed as unknown[];
      const createdAt = typeof iso === 'string' ? new Date(iso) : new Date(Number.NaN);
      if (!Number.isNaN(createdAt.getTime()) && typeof id === 'string' && isUuid(id))
        return { createdAt, id };
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError(cursor);
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that another page exists.
 * Timestamps are `timestamptz(3)`, so the millisecond `Date` in the cursor is exactly the stored value.
 */
export function toPage<T extends { created_at: Date; id: string }>(rows: T[], limit: number): Page<T> {
  if (rows.length <= limit) return { data: rows, nextCursor: null };
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null };
}
