import { compileExpression } from '../expressions';

/**
 * Evaluates an edge's `{ name: JSONata }` mapping. Out of an http node `$` is the response body with
 * `$status` and `$headers` bound; out of any other node `$` is that node's scope. A value that evaluates to
 * nothing is carried as `null`, so the target can tell "mapped but empty" from "not carried".
 */
export async function evaluateEdgeMapping(
  mapping: Record<string, string>,
  input: unknown,
  bindings?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(mapping)) {
    const value = await compileExpression(source).evaluate(input, bindings);
    values[name] = value === undefined ? null : value;
  }
  return values;
}
