import { useMemo, useState } from 'react';

/** A value shown as JSON: pretty, collapsible, searchable (long bodies stay readable). */
export function JsonView({
  value,
  label,
  defaultOpen = true,
}: {
  value: unknown;
  label: string;
  defaultOpen?: boolean;
}) {
  const [query, setQuery] = useState('');
  const text = useMemo(() => {
    if (typeof value === 'string') {
      try {
        return JSON.stringify(JSON.parse(value), null, 2);
      } catch {
        return value;
      }
    }
    return value === undefined ? '' : JSON.stringify(value, null, 2);
  }, [value]);
  const lines = text.split('\n');
  const shown = query ? lines.filter((line) => line.toLowerCase().includes(query.toLowerCase())) : lines;
  if (!text) return <p className="faint">{label}: empty</p>;
  return (
    <details className="json-view" open={defaultOpen}>
      <summary>
        {label} <span className="faint">({lines.length} lines)</span>
      </summary>
      {lines.length > 12 ? (
        <input
          className="input json-search"
          type="search"
          placeholder="Filter lines"
          aria-label={`Filter ${label}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      ) : null}
      <pre className="code-block">{shown.join('\n')}</pre>
    </details>
  );
}
