import { fieldPath } from './field-path';
import type { InterpolationOptions, KeyValueTemplate, MissingValue } from './request-template';
import { renderTemplateDetailed } from './template';
import { TemplateError } from './template.error';

/** A key/value row with the field paths its key and value are reported under. */
export interface PathedRow extends KeyValueTemplate {
  keyPath: string;
  valuePath: string;
}

/** Gives list rows their paths: `queryParams[2].key`, `queryParams[2].value`. */
export function listRows(rows: readonly KeyValueTemplate[], listPath: string): PathedRow[] {
  return rows.map((row, i) => ({
    ...row,
    keyPath: fieldPath(fieldPath(listPath, i), 'key'),
    valuePath: fieldPath(fieldPath(listPath, i), 'value'),
  }));
}

/**
 * Renders key/value rows (query parameters, form fields) in string mode. A row whose value has an
 * expression yielding nothing is dropped (and reported in `missing`); a key must have a value.
 * Disabled rows and rows with an empty key and value are skipped.
 */
export async function interpolateKeyValues(
  rows: readonly PathedRow[],
  scope: unknown,
  options: InterpolationOptions,
  missing: MissingValue[],
): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  for (const row of rows) {
    if (row.enabled === false) continue;
    if (row.key === '' && row.value === '') continue;
    const key = await renderTemplateDetailed(row.key, scope, {
      ...options,
      mode: 'string',
      path: row.keyPath,
    });
    const [absentKey] = key.missing;
    if (absentKey !== undefined) {
      throw new TemplateError('null_value', `{{ ${absentKey} }} in the name has no value (null or missing)`, {
        path: row.keyPath,
        expression: absentKey,
      });
    }
    const value = await renderTemplateDetailed(row.value, scope, {
      ...options,
      mode: 'string',
      path: row.valuePath,
    });
    if (value.missing.length > 0) {
      for (const expression of value.missing) missing.push({ path: row.valuePath, expression });
      continue;
    }
    pairs.push([key.value as string, value.value as string]);
  }
  return pairs;
}

/**
 * Adds query parameters to a URL with `application/x-www-form-urlencoded` encoding (URLSearchParams),
 * after any query already written in the URL template, which is left as it was.
 */
export function appendQuery(url: URL, pairs: readonly [string, string][]): void {
  if (pairs.length === 0) return;
  const extra = new URLSearchParams(pairs as [string, string][]).toString();
  const current = url.search.slice(1);
  url.search = current ? `${current}&${extra}` : extra;
}
