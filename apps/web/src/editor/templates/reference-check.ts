import { compileExpression, parseTemplate } from '@connectors/engine';
import type { NodeScope } from './node-scope';

export interface ReferenceVerdict {
  ok: boolean;
  /** Why the reference cannot be read, phrased for the person typing. */
  message?: string;
  /** A node that exists but has no edge into this one: the one-click fix connects it. */
  connect?: string;
}

const ALWAYS = new Set(['contact', 'run']);
const SECRETS = new Set(['workspace', 'credentials']);

/** Whether one root path an expression reads is in the node's scope (mirrors the engine's check). */
export function checkReference(path: readonly string[], scope: NodeScope): ReferenceVerdict {
  const [root, field] = path;
  if (root === undefined || ALWAYS.has(root)) return { ok: true };
  if (root === 'input') {
    if (field === undefined || scope.inputs.some((f) => f.name === field)) return { ok: true };
    return { ok: false, message: `input.${field} is not an input field: add it in Settings → Inputs.` };
  }
  if (SECRETS.has(root)) {
    if (!scope.secrets) return { ok: false, message: 'Secrets are only readable in HTTP request nodes.' };
    if (
      root === 'credentials' &&
      field !== undefined &&
      !scope.credentials.some((c) => c.service_name === field)
    ) {
      return { ok: false, message: `No credential ${field} is stored yet: add it under Credentials.` };
    }
    return { ok: true };
  }
  if (root === scope.nodeId) return { ok: false, message: 'A node cannot read its own values.' };
  const edges = scope.incoming.filter((e) => e.source === root);
  if (edges.length > 0) {
    if (field === undefined || edges.some((e) => e.names.includes(field))) return { ok: true };
    return {
      ok: false,
      message: `The edge from ${root} does not carry ${field}: add it to the edge's mapping.`,
    };
  }
  if (scope.nodeIds.has(root)) {
    return { ok: false, message: `No edge leads from ${root} into this node.`, connect: root };
  }
  return { ok: false, message: `Nothing called ${root} is in scope.` };
}

/** A piece of a template field, for the highlighted mirror: plain text, or a `{{ }}` with its verdict. */
export interface HighlightSegment {
  text: string;
  kind: 'text' | 'expr';
  problem?: string;
}

/**
 * Splits a template (or, in JSONata mode, a whole expression) into highlighted segments, each `{{ }}`
 * checked against the scope: syntax errors and unreadable references are marked.
 */
export function highlightTemplate(
  text: string,
  scope: NodeScope | null,
  mode: 'template' | 'jsonata' = 'template',
): HighlightSegment[] {
  if (mode === 'jsonata') {
    if (!text.trim()) return [{ text, kind: 'text' }];
    return [{ text, kind: 'text', ...expressionProblem(text, scope) }];
  }
  let parts: ReturnType<typeof parseTemplate>;
  try {
    parts = parseTemplate(text);
  } catch (error) {
    return [{ text, kind: 'text', problem: error instanceof Error ? error.message : String(error) }];
  }
  return parts.map((part) =>
    part.kind === 'text'
      ? { text: part.text, kind: 'text' as const }
      : {
          text: text.slice(part.start - 2, part.end + 2),
          kind: 'expr' as const,
          ...expressionProblem(part.source, scope),
        },
  );
}

function expressionProblem(source: string, scope: NodeScope | null): { problem?: string } {
  let references: string[][];
  try {
    references = compileExpression(source).references();
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  if (!scope) return {};
  for (const path of references) {
    const verdict = checkReference(path, scope);
    if (!verdict.ok) return { problem: verdict.message };
  }
  return {};
}
