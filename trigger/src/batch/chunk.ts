/** Trigger.dev accepts up to 1,000 items per `batchTrigger` (SDK ≥ 4.3.1); half keeps calls modest. */
export const BATCH_CHUNK_SIZE = 500;

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number = BATCH_CHUNK_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
