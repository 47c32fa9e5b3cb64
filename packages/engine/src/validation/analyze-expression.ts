import { checkExpression, compileExpression, parseTemplate } from '../expressions';

/** A syntax problem inside one expression or template, positioned in that source text. */
export interface SyntaxIssue {
  code: 'expression_syntax' | 'expression_not_allowed' | 'template_syntax' | 'missing_expression';
  detail: string;
  /** 0-based index into the source, when known. */
  position?: number;
}

/** What validation needs to know about one expression or template. */
export interface ExpressionAnalysis {
  issues: SyntaxIssue[];
  /** Root field paths read, e.g. `[['step_1', 'contactId']]`; empty when the source does not parse. */
  references: string[][];
}

/**
 * Parses a template (`kind: 'template'`) or a bare JSONata expression and lists what it reads.
 * Never throws: anything the expression module throws becomes an issue.
 */
export function analyzeExpression(
  source: string,
  kind: 'template' | 'jsonata',
  maxExpressionLength?: number,
): ExpressionAnalysis {
  const limits = maxExpressionLength === undefined ? undefined : { maxExpressionLength };
  if (kind === 'jsonata') return analyzeJsonata(source, 0, limits);

  let parts: ReturnType<typeof parseTemplate>;
  try {
    parts = parseTemplate(source);
  } catch (cause) {
    const { message, position } = describeError(cause);
    return { issues: [{ code: 'template_syntax', detail: message, position }], references: [] };
  }
  const result: ExpressionAnalysis = { issues: [], references: [] };
  for (const part of parts) {
    if (part.kind !== 'expr') continue;
    const analysis = analyzeJsonata(part.source, part.start, limits);
    result.issues.push(...analysis.issues);
    result.references.push(...analysis.references);
  }
  return result;
}

function analyzeJsonata(
  source: string,
  offset: number,
  limits: { maxExpressionLength: number } | undefined,
): ExpressionAnalysis {
  if (source.trim() === '') {
    return {
      issues: [{ code: 'missing_expression', detail: 'The expression is empty', position: offset }],
      references: [],
    };
  }
  try {
    const check = checkExpression(source, limits);
    if (!check.ok) {
      const position = check.position === undefined ? offset : offset + check.position;
      // `$eval` and nesting limits are not typos: say so rather than "syntax error".
      const code = check.code === 'syntax' ? 'expression_syntax' : 'expression_not_allowed';
      return { issues: [{ code, detail: check.message, position }], references: [] };
    }
    return { issues: [], references: compileExpression(source, limits).references() };
  } catch (cause) {
    const { message, position } = describeError(cause);
    return {
      issues: [
        {
          code: 'expression_syntax',
          detail: message,
          position: position === undefined ? offset : offset + position,
        },
      ],
      references: [],
    };
  }
}

function describeError(cause: unknown): { message: string; position: number | undefined } {
  if (cause && typeof cause === 'object') {
    // TemplateError keeps the text without a field path in `detail`; the problem has its own path.
    const { message, detail, position } = cause as {
      message?: unknown;
      detail?: unknown;
      position?: unknown;
    };
    return {
      message: typeof detail === 'string' ? detail : typeof message === 'string' ? message : String(cause),
      position: typeof position === 'number' ? position : undefined,
    };
  }
  return { message: String(cause), position: undefined };
}
