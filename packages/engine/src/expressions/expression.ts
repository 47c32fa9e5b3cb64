import jsonata from 'jsonata';
import { builtBytes, spend } from './allocation-budget';
import { type AstNode, walkAst } from './ast';
import { linearDistinct } from './distinct';
import { ExpressionError, type ExpressionErrorCode } from './expression.error';
import { guardedJoin, guardedPad, replaceWithLimits } from './guarded-builtins';
import { type ExpressionLimits, limitsKey, resolveLimits } from './limits';
import { LruCache } from './lru-cache';
import { collectReferences } from './references';
import { limitedRe2Engine, Re2RegExp } from './regex-engine';
import { toPlain } from './to-plain';

/** A parsed, checked JSONata expression, ready to run any number of times. */
export interface CompiledExpression {
  readonly source: string;
  readonly limits: Readonly<ExpressionLimits>;
  /**
   * Runs the expression with `$` = `input` and `$name` = each binding. Resolves to plain JSON-like data
   * (`undefined` when it yields nothing); rejects only with `ExpressionError` (`evaluation`, `timeout`,
   * `limit`).
   */
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
  /** The root paths the expression reads, e.g. `[['input', 'email']]` (see `collectReferences`). */
  references(): string[][];
}

export type ExpressionCheck =
  | { ok: true }
  | { ok: false; code: ExpressionErrorCode; message: string; position?: number };

const CACHE_SIZE = 1_000;
const cache = new LruCache<string, CompiledExpression>(CACHE_SIZE);

/**
 * Parses and checks a JSONata expression once; the result is cached by source and limits. Throws
 * `ExpressionError`: `syntax` (with JSONata's position), `forbidden` (`$eval`) or `limit` (too long or
 * nested too deeply).
 */
export function compileExpression(source: string, limits?: Partial<ExpressionLimits>): CompiledExpression {
  const resolved = resolveLimits(limits);
  if (typeof source !== 'string') {
    throw new ExpressionError('syntax', 'An expression must be a string', String(source));
  }
  if (source.length > resolved.maxExpressionLength) {
    throw new ExpressionError(
      'limit',
      `The expression is ${source.length} characters long; at most ${resolved.maxExpressionLength} are allowed`,
      source,
    );
  }
  const key = `${limitsKey(resolved)}\n${source}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const compiled = compile(source, resolved);
  cache.set(key, compiled);
  return compiled;
}

/** Like `compileExpression`, but reports a problem instead of throwing. */
export function checkExpression(source: string, limits?: Partial<ExpressionLimits>): ExpressionCheck {
  try {
    compileExpression(source, limits);
    return { ok: true };
  } catch (err) {
    const e = toExpressionError(err, String(source), 'syntax', 0);
    return {
      ok: false,
      code: e.code,
      message: e.message,
      ...(e.position !== undefined ? { position: e.position } : {}),
    };
  }
}

/** Empties the compile cache (tests, or after changing defaults). */
export function clearExpressionCache(): void {
  cache.clear();
}

function compile(source: string, limits: ExpressionLimits): CompiledExpression {
  if (source.trim() === '') {
    throw new ExpressionError('syntax', 'The expression is empty', source, { position: 0 });
  }
  const { expression, shift } = parse(source, limits);
  const ast = expression.ast() as unknown as AstNode;
  checkAst(ast, source, limits, shift);
  installGuards(expression, source, limits);

  let references: string[][] | undefined;
  return {
    source,
    limits: Object.freeze({ ...limits }),
    async evaluate(input, bindings) {
      const safeBindings = checkBindings(bindings, source);
      try {
        return toPlain(await expression.evaluate(input, safeBindings));
      } catch (err) {
        throw toExpressionError(err, source, 'evaluation', shift, limits);
      }
    },
    references() {
      references ??= collectReferences(ast);
      return references.map((path) => [...path]);
    },
  };
}

/**
 * Parses with JSONata. A top-level sequence `$x := 1; $x + 1` is accepted as if it were written in
 * parentheses (JSONata requires them), since `{{ … }}` already delimits it; `shift` is then 1, the
 * offset to take off JSONata's positions.
 */
function parse(source: string, limits: ExpressionLimits): { expression: jsonata.Expression; shift: number } {
  const options = {
    timeout: limits.timeoutMs,
    stack: limits.maxDepth,
    sequence: limits.maxSequenceLength,
    RegexEngine: limitedRe2Engine(limits.maxSequenceLength),
  };
  try {
    return { expression: jsonata(source, options), shift: 0 };
  } catch (err) {
    const failure = err as { code?: unknown; token?: unknown };
    if (failure?.code === 'S0201' && failure.token === ';') {
      try {
        const wrapped = jsonata(`(${source})`, options);
        // Only a block spanning the whole text means the parentheses added are the ones that matched.
        if (wrapped.ast().type === 'block') return { expression: wrapped, shift: 1 };
      } catch {
        // fall through to the original error, which points at the real problem
      }
    }
    throw toExpressionError(err, source, 'syntax', 0);
  }
}

/** Compile-time checks JSONata does not make: nesting depth, `$eval`, and regexes RE2 cannot run. */
function checkAst(ast: AstNode, source: string, limits: ExpressionLimits, shift: number): void {
  let problem: ExpressionError | undefined;
  const depth = walkAst(ast, (node) => {
    if (problem) return;
    const at = node.position === undefined ? {} : { position: Math.max(0, node.position - shift) };
    if (node.type === 'variable' && node.value === 'eval') {
      problem = new ExpressionError(
        'forbidden',
        '$eval is not available in connector expressions',
        source,
        at,
      );
    } else if (node.type === 'regex') {
      try {
        new Re2RegExp(node.value as RegExp);
      } catch (err) {
        problem = new ExpressionError('syntax', err instanceof Error ? err.message : String(err), source, {
          ...at,
          cause: err,
        });
      }
    }
  });
  if (problem) throw problem;
  // Every level of nesting is a level of JSONata's evaluation stack, so this would fail at run time anyway.
  if (depth > limits.maxDepth) {
    throw new ExpressionError(
      'limit',
      `The expression is nested ${depth} levels deep; at most ${limits.maxDepth}`,
      source,
    );
  }
}

/**
 * Per-expression guards on top of JSONata's own `timeout`/`stack`/`sequence` options: `$eval` is
 * replaced, `$pad` refuses widths past the string limit (it would allocate the string in one call),
 * and every evaluation step's result is checked against the string and sequence limits.
 */
function installGuards(expression: jsonata.Expression, source: string, limits: ExpressionLimits): void {
  expression.registerFunction(
    'eval',
    () => {
      throw new ExpressionError('forbidden', '$eval is not available in connector expressions', source);
    },
    '<sx?:x>',
  );
  expression.registerFunction(
    'pad',
    (str: string | undefined, width: number, char?: string) => guardedPad(str, width, char, limits, source),
    '<s-ns?:s>',
  );
  // The original is quadratic in one built-in call, which the time budget cannot interrupt.
  expression.registerFunction('distinct', (arr: unknown) => linearDistinct(arr), '<x:x>');
  // The original lets V8 build the joined string (up to its own ~512 M-character limit) in one call.
  expression.registerFunction(
    'join',
    (strs: string[] | undefined, separator?: string) => guardedJoin(strs, separator, limits, source),
    '<a<s>s?:s>',
  );
  // The original makes one concatenation per match in one call, out of the time and memory budgets' reach.
  expression.registerFunction('replace', replaceWithLimits(limits, source), '<s-(sf)(sf)n?:s>');
  // JSONata looks this hook up by symbol in the environment and awaits it after every evaluation step.
  const exitHook = (node: AstNode, _input: unknown, environment: unknown, result: unknown) => {
    if (typeof result === 'string' && result.length > limits.maxStringLength) {
      throw new ExpressionError(
        'limit',
        `The expression built a string of ${result.length} characters; at most ${limits.maxStringLength} are allowed`,
        source,
        node.position !== undefined ? { position: node.position } : {},
      );
    }
    if (Array.isArray(result) && result.length > limits.maxSequenceLength) {
      throw new ExpressionError(
        'limit',
        `The expression built an array of ${result.length} items; at most ${limits.maxSequenceLength} are allowed`,
        source,
        node.position !== undefined ? { position: node.position } : {},
      );
    }
    const built = builtBytes(node, result);
    if (built > 0 && spend(environment, built) > limits.maxAllocationBytes) {
      throw new ExpressionError(
        'limit',
        `The expression built more than ${Math.round(limits.maxAllocationBytes / 1048576)} MB of values (its memory budget)`,
        source,
        node.position !== undefined ? { position: node.position } : {},
      );
    }
  };
  (expression.assign as unknown as (name: symbol, value: unknown) => void)(
    Symbol.for('jsonata.__evaluate_exit'),
    exitHook,
  );
}

function checkBindings(bindings: Record<string, unknown> | undefined, source: string) {
  if (bindings === undefined) return undefined;
  // A binding would shadow the disabled `$eval` (bindings live in a frame above the expression's own).
  if (Object.hasOwn(bindings, 'eval')) {
    throw new ExpressionError('forbidden', 'A binding may not be named $eval', source);
  }
  return bindings;
}

interface JsonataFailure {
  code?: unknown;
  message?: unknown;
  position?: unknown;
  value?: unknown;
}

/**
 * Maps whatever JSONata (or the JavaScript engine under it) threw onto an `ExpressionError`, with
 * positions taken back to the source as written (`shift`, see `parse`).
 */
function toExpressionError(
  err: unknown,
  source: string,
  fallback: 'syntax' | 'evaluation',
  shift: number,
  limits?: ExpressionLimits,
): ExpressionError {
  if (err instanceof ExpressionError && err.expression === '') {
    // Thrown by a part that does not know the source (the regex engine).
    return new ExpressionError(err.code, err.message, source, { cause: err.cause });
  }
  if (err instanceof ExpressionError) {
    // JSONata fills in `position` on errors thrown from functions, in its own coordinates.
    if (shift === 0 || err.position === undefined) return err;
    return new ExpressionError(err.code, err.message, source, {
      position: Math.max(0, err.position - shift),
      ...(err.jsonataCode !== undefined ? { jsonataCode: err.jsonataCode } : {}),
      ...(err.cause !== undefined ? { cause: err.cause } : {}),
    });
  }
  const failure: JsonataFailure = typeof err === 'object' && err !== null ? (err as JsonataFailure) : {};
  const jsonataCode = typeof failure.code === 'string' ? failure.code : undefined;
  const position = typeof failure.position === 'number' ? Math.max(0, failure.position - shift) : undefined;
  const rawMessage = typeof failure.message === 'string' && failure.message ? failure.message : String(err);
  const options = {
    ...(position !== undefined ? { position } : {}),
    ...(jsonataCode !== undefined ? { jsonataCode } : {}),
    cause: err,
  };
  if (err instanceof RangeError) {
    const message = /call stack/i.test(rawMessage)
      ? 'The expression is nested too deeply'
      : `The expression produced a value too large to hold (${rawMessage})`;
    return new ExpressionError('limit', message, source, options);
  }
  switch (jsonataCode) {
    case 'D1012':
      return new ExpressionError(
        'timeout',
        `The expression ran longer than ${String(failure.value)} ms (an endless recursion?)`,
        source,
        options,
      );
    case 'D1011':
      return new ExpressionError(
        'limit',
        `The expression went deeper than ${String(failure.value)} levels (a recursive function that never stops?)`,
        source,
        options,
      );
    case 'D2014':
      return new ExpressionError('limit', rawMessage, source, options);
    case 'D2015':
      // JSONata's own message quotes the attempted size in some places and the limit in others.
      return new ExpressionError(
        'limit',
        limits
          ? `The expression built a sequence of more than ${limits.maxSequenceLength} items`
          : rawMessage,
        source,
        options,
      );
  }
  if (err instanceof SyntaxError && fallback === 'syntax') {
    // The parser compiles regex literals with the native RegExp first, which throws a bare SyntaxError.
    return new ExpressionError('syntax', rawMessage, source, options);
  }
  const code: ExpressionErrorCode = jsonataCode?.startsWith('S') ? 'syntax' : fallback;
  return new ExpressionError(code, rawMessage, source, options);
}
