/** A value shortened for an edge label: strings quoted, objects summarised, at most ~24 characters. */
export function previewValue(value: unknown, max = 24): string {
  if (value === undefined) return '—';
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (Array.isArray(value)) text = `[${value.length}]`;
  else if (value && typeof value === 'object') text = `{${Object.keys(value).length}}`;
  else text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
