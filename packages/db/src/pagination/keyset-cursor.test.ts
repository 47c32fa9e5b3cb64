import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../errors/invalid-cursor.error';
import { decodeCursor, encodeCursor, pageSize, toPage } from './keyset-cursor';

const id = '6f1c1d0e-8d8a-4b7e-9a56-0b4f3a2c1d00';

describe('keyset cursor', () => {
  it('round-trips a position', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'nope',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
  ])('rejects %j', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it('clamps page sizes', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(0)).toBe(1);
    expect(pageSize(1000)).toBe(200);
    expect(pageSize(Number.NaN)).toBe(50);
  });

  it('pages from limit + 1 rows', () => {
    const rows = [1, 2, 3].map((n) => ({ id, created_at: new Date(n) }));
    expect(toPage(rows, 3).nextCursor).toBeNull();
    const page = toPage(rows, 2);
    expect(page.data).toHaveLength(2);
    expect(decodeCursor(page.nextCursor ?? '')).toEqual({ createdAt: new Date(2), id });
  });
});
