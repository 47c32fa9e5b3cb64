import { MAX_PAGE_SIZE } from '@connectors/db';
import { z } from 'zod';
import { hasUnstorableCharacter } from '../lib/json-guard';

/** A query-string text filter: bounded, and free of characters PostgreSQL would reject (a 500). */
export const queryText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !hasUnstorableCharacter(value), 'must not contain NUL or unpaired surrogates');

/** `?cursor=&limit=` of every keyset-paginated list. */
export const pageQueryFields = {
  cursor: queryText(500).optional().meta({ description: 'The `next_cursor` of the previous page' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .optional()
    .meta({ description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 50)` }),
};

/** `?enabled=true|false`. */
export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The list envelope: `{ data: [...], next_cursor }`, `next_cursor` null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null at the end' }),
  });
}
