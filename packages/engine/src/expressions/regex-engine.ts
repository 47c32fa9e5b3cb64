import { type Matcher, RE2JS } from 're2js';
import { ExpressionError } from './expression.error';
import { LruCache } from './lru-cache';

/** JavaScript regex flags that have an RE2 meaning; `g` only changes `lastIndex` handling, `u` is implied. */
const SUPPORTED_FLAGS = new Set(['g', 'i', 'm', 's', 'u']);

// Patterns are compiled once: JSONata builds a new engine object every time a regex literal is evaluated.
const compiledPatterns = new LruCache<string, RE2JS>(500);

function compilePattern(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  const cached = compiledPatterns.get(key);
  if (cached) return cached;
  let re2Flags = 0;
  if (flags.includes('i')) re2Flags |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) re2Flags |= RE2JS.MULTILINE;
  if (flags.includes('s')) re2Flags |= RE2JS.DOTALL;
  // translateRegExp rewrites JavaScript-only spellings (`\u{…}`, `(?<name>…)`, `\cX`) into RE2 syntax.
  const compiled = RE2JS.compile(RE2JS.translateRegExp(source), re2Flags);
  compiledPatterns.set(key, compiled);
  return compiled;
}

/**
 * A `RegExp` look-alike backed by RE2JS, a linear-time engine, handed to JSONata as its `RegexEngine`
 * so `$match`, `$replace`, `$split` and `$contains` cannot backtrack catastrophically (`/(a+)+$/`).
 *
 * JSONata constructs it with the `RegExp` it parsed from the literal (always with the `g` flag), then
 * sets `lastIndex` and calls `exec`, reading `index`, `[0]` and the numbered groups. RE2 syntax is a
 * subset of JavaScript's: lookaheads, lookbehinds and backreferences are refused with a `SyntaxError`.
 */
export class Re2RegExp {
  lastIndex = 0;
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  readonly #pattern: RE2JS;
  #matcher: Matcher | undefined;
  #matcherInput: string | undefined;

  constructor(pattern: string | RegExp | Re2RegExp, flags?: string) {
    const isRegex = pattern instanceof RegExp || pattern instanceof Re2RegExp;
    this.source = isRegex ? pattern.source : String(pattern);
    const rawFlags = flags ?? (isRegex ? pattern.flags : '');
    for (const flag of rawFlags) {
      if (!SUPPORTED_FLAGS.has(flag)) throw new SyntaxError(`Unsupported regular expression flag "${flag}"`);
    }
    this.flags = [...new Set(rawFlags)].sort().join('');
    this.global = this.flags.includes('g');
    try {
      this.#pattern = compilePattern(this.source, this.flags);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new SyntaxError(
        `Unsupported regular expression /${this.source}/: ${detail} (lookarounds and backreferences are not available)`,
      );
    }
  }

  /** Same contract as `RegExp.prototype.exec`, including `lastIndex` for global patterns. */
  exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const from = this.global ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const matcher = this.#matcherFor(text);
    if (!matcher.find(from)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const values: (string | undefined)[] = [];
    for (let group = 0; group <= matcher.groupCount(); group++) {
      const value = matcher.group(group);
      values.push(value === null ? undefined : value);
    }
    const result = values as unknown as RegExpExecArray;
    result.index = matcher.start();
    result.input = text;
    const named = this.#pattern.namedGroups();
    if (Object.keys(named).length > 0) {
      const groups: Record<string, string | undefined> = Object.create(null);
      for (const [name, index] of Object.entries(named)) groups[name] = values[index];
      result.groups = groups as { [key: string]: string };
    }
    if (this.global) this.lastIndex = matcher.end();
    return result;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }

  // JSONata walks the same string match after match; reuse one matcher for it.
  #matcherFor(text: string): Matcher {
    if (this.#matcher === undefined || this.#matcherInput !== text) {
      this.#matcher = this.#pattern.matcher(text);
      this.#matcherInput = text;
    }
    return this.#matcher;
  }
}

/** The adapter typed as JSONata's `RegexEngine` option expects. */
export const re2RegexEngine = Re2RegExp as unknown as RegExpConstructor;

/**
 * `Re2RegExp` that refuses to find more than `maxMatches` matches. JSONata builds one engine object each
 * time a regex literal is evaluated and walks a string match after match inside one built-in call
 * (`$replace`, `$match`, `$split`), which neither the time nor the memory budget can interrupt; past
 * `maxMatches` (the sequence limit) the call fails with `limit` instead of running on.
 */
export function limitedRe2Engine(maxMatches: number): RegExpConstructor {
  class LimitedRe2RegExp extends Re2RegExp {
    #matches = 0;

    override exec(input: string): RegExpExecArray | null {
      const result = super.exec(input);
      if (result !== null && ++this.#matches > maxMatches) {
        // The expression's source is filled in by the caller (`toExpressionError`).
        throw new ExpressionError('limit', `A regular expression matched more than ${maxMatches} times`, '');
      }
      return result;
    }
  }
  return LimitedRe2RegExp as unknown as RegExpConstructor;
}
