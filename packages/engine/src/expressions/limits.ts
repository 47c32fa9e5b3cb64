/** Guardrails applied to every JSONata expression (DESIGN §7). */
export interface ExpressionLimits {
  /** Longest accepted source text, in characters. */
  maxExpressionLength: number;
  /** Time budget of one evaluation (JSONata's `timeout` option, checked on every evaluation step). */
  timeoutMs: number;
  /**
   * Deepest evaluation nesting (JSONata's `stack` option). Every nested sub-expression and every
   * non-tail recursive call counts; a recursive JSONata function uses about four levels per call.
   */
  maxDepth: number;
  /** Longest sequence, range (`[1..n]`) or array an evaluation may build (JSONata's `sequence` option). */
  maxSequenceLength: number;
  /** Longest string an evaluation step may produce, in UTF-16 code units. */
  maxStringLength: number;
  /**
   * Memory budget of one evaluation: the estimated bytes of every array, string and object its steps
   * build, added up (see `allocation-budget.ts`). Past it the evaluation fails with `limit`.
   */
  maxAllocationBytes: number;
}

export const DEFAULT_EXPRESSION_LIMITS: Readonly<ExpressionLimits> = Object.freeze({
  maxExpressionLength: 10_000,
  timeoutMs: 1_000,
  maxDepth: 1_000,
  maxSequenceLength: 1_000_000,
  maxStringLength: 10_000_000,
  maxAllocationBytes: 64 * 1024 * 1024,
});

/** Fills in defaults; a non-positive or non-finite value falls back to the default rather than "no limit". */
export function resolveLimits(limits?: Partial<ExpressionLimits>): ExpressionLimits {
  const out = { ...DEFAULT_EXPRESSION_LIMITS };
  if (!limits) return out;
  for (const key of Object.keys(out) as (keyof ExpressionLimits)[]) {
    const value = limits[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) out[key] = Math.floor(value);
  }
  return out;
}

/** A stable cache key for a set of limits. */
export function limitsKey(limits: ExpressionLimits): string {
  return [
    limits.maxExpressionLength,
    limits.timeoutMs,
    limits.maxDepth,
    limits.maxSequenceLength,
    limits.maxStringLength,
    limits.maxAllocationBytes,
  ].join(':');
}
