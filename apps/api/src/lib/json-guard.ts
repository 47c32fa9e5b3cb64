import type { z } from 'zod';

/** Deepest nesting accepted in a request body. Deeper JSON would overflow `JSON.stringify` (a 500). */
export const MAX_JSON_DEPTH = 64;

/** A lone UTF-16 surrogate (half of a pair without the other half). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where a JSON value cannot be stored, and why. */
export interface JsonHazard {
  path: (string | number)[];
  message: string;
}

/**
 * Whether a string holds a character PostgreSQL cannot store: NUL or a lone surrogate (rejected in both
 * `text` and `jsonb`, which would otherwise surface as a 500).
 */
export function hasUnstorableCharacter(text: string): boolean {
  return text.includes('\0') || LONE_SURROGATE.test(text);
}

/**
 * Finds the first place in a parsed JSON value that PostgreSQL or `JSON.stringify` would choke on: nesting
 * deeper than `maxDepth`, or a string (value or key) with NUL or a lone surrogate. Iterative, so a
 * hostile 1 MB `[[[[…]]]]` cannot overflow the stack here either.
 */
export function findJsonHazard(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonHazard | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof item.value === 'string') {
      if (hasUnstorableCharacter(item.value)) {
        return { path: item.path, message: 'contains a NUL character or an unpaired surrogate' };
      }
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.path.length >= maxDepth) {
      return { path: item.path, message: `is nested more than ${maxDepth} levels deep` };
    }
    if (Array.isArray(item.value)) {
      item.value.forEach((child, i) => {
        stack.push({ value: child, path: [...item.path, i] });
      });
      continue;
    }
    for (const [key, child] of Object.entries(item.value)) {
      if (hasUnstorableCharacter(key)) {
        return {
          path: [...item.path, key],
          message: 'has a key with a NUL character or an unpaired surrogate',
        };
      }
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return undefined;
}

/**
 * Adds the hazard check to a body schema, reported as a normal validation issue (a 400 with its path).
 * Applied to whole request bodies so every nested string is covered, not just the declared fields.
 */
export function storableJson<T extends z.ZodType>(schema: T, maxDepth = MAX_JSON_DEPTH): T {
  return schema.superRefine((value, ctx) => {
    const hazard = findJsonHazard(value, maxDepth);
    if (hazard) ctx.addIssue({ code: 'custom', path: hazard.path, message: `The value ${hazard.message}` });
  }) as unknown as T;
}
