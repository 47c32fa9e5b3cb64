import jsonata from 'jsonata';
import { ExpressionError } from './expression.error';
import type { ExpressionLimits } from './limits';

/**
 * Built-ins that JSONata runs in one call, re-implemented or checked first: the time budget is checked
 * between evaluation steps and the memory budget after each one, so neither can stop a single call
 * that builds a billion characters. Each refuses, with `limit`, a result past the limits before
 * building it.
 */

/** JSONata's `$pad`, refusing to build a string past the limit. */
export function guardedPad(
  str: string | undefined,
  width: number,
  char: string | undefined,
  limits: ExpressionLimits,
  source: string,
): string | undefined {
  if (str === undefined) return undefined;
  const fill = char === undefined || char.length === 0 ? ' ' : char;
  const target = Math.trunc(width);
  const padLength = Math.abs(target) - [...str].length;
  if (padLength <= 0) return str;
  if (padLength * fill.length > limits.maxStringLength) {
    throw new ExpressionError(
      'limit',
      `$pad would build a string of ${padLength} characters; at most ${limits.maxStringLength} are allowed`,
      source,
    );
  }
  let padding = fill.repeat(padLength);
  if (fill.length > 1) padding = [...padding].slice(0, padLength).join('');
  return target > 0 ? str + padding : padding + str;
}

/** JSONata's `$join`, refusing a result past the string limit before building it. */
export function guardedJoin(
  strs: string[] | undefined,
  separator: string | undefined,
  limits: ExpressionLimits,
  source: string,
): string | undefined {
  if (strs === undefined) return undefined;
  const sep = separator ?? '';
  let length = strs.length > 0 ? sep.length * (strs.length - 1) : 0;
  for (const s of strs) length += s.length;
  if (length > limits.maxStringLength) {
    throw new ExpressionError(
      'limit',
      `$join would build a string of ${length} characters; at most ${limits.maxStringLength} are allowed`,
      source,
    );
  }
  return strs.join(sep);
}

interface JsonataFunction {
  implementation: (...args: unknown[]) => unknown;
}

let originalReplace: Promise<JsonataFunction> | undefined;

/**
 * JSONata's `$replace`, with the number of replacements capped at `maxSequenceLength` and, for a plain
 * string pattern, the result's length checked before it is built. The original concatenates once per
 * match: `$replace` of a 10 M-character string, one character at a time, held about a gigabyte of
 * partial strings before V8 gave up. A regex pattern is capped by the regex engine instead
 * (`limitedRe2Engine`), since counting its matches first would run it twice.
 */
export function replaceWithLimits(limits: ExpressionLimits, source: string) {
  return async function replace(
    this: unknown,
    str: string | undefined,
    pattern: unknown,
    replacement: unknown,
    limit?: number,
  ): Promise<unknown> {
    if (
      str !== undefined &&
      typeof pattern === 'string' &&
      pattern !== '' &&
      typeof replacement === 'string'
    ) {
      const max = limit === undefined || limit < 0 ? Number.POSITIVE_INFINITY : limit;
      let count = 0;
      for (
        let at = str.indexOf(pattern);
        at !== -1 && count < max;
        at = str.indexOf(pattern, at + pattern.length)
      ) {
        count++;
        if (count > limits.maxSequenceLength) {
          throw new ExpressionError(
            'limit',
            `$replace would make more than ${limits.maxSequenceLength} replacements`,
            source,
          );
        }
      }
      const length = str.length + count * (replacement.length - pattern.length);
      if (length > limits.maxStringLength) {
        throw new ExpressionError(
          'limit',
          `$replace would build a string of ${length} characters; at most ${limits.maxStringLength} are allowed`,
          source,
        );
      }
      // Every occurrence replaced, literally (JSONata does not expand `$n` for a string pattern).
      if (limit === undefined) return str.split(pattern).join(replacement);
    }
    originalReplace ??= jsonata('$replace').evaluate({}) as Promise<JsonataFunction>;
    return (await originalReplace).implementation.call(this, str, pattern, replacement, limit);
  };
}
