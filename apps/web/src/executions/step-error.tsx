import type { StepExecuted } from '../api/executions.api';

type StepErrorValue = NonNullable<StepExecuted['error']>;

const FIELDS: Record<string, string> = {
  url: 'the URL',
  method: 'the method',
  headers: 'the headers',
  query: 'the query',
  body: 'the body',
  auth: 'the auth',
  expression: 'the expression',
  conditions: 'the condition',
  mapping: 'the mapping',
  fields: 'the fields',
};

/** Where in the node the problem is, in words: `data.url` → "the URL", `data.headers.X-Key` → "header X-Key". */
export function errorPlace(path: string): string {
  const [first, ...rest] = path.replace(/^data\./, '').split('.');
  if (first === 'headers' && rest.length) return `header ${rest.join('.')}`;
  const known = first ? FIELDS[first] : undefined;
  return known && rest.length === 0 ? known : path;
}

/**
 * A failed step's error: the message as the line to read, then where it is in words; the stable code
 * (`http_status`, `null_value`) only as a small muted label, for support and logs.
 */
export function StepError({ error }: { error: StepErrorValue }) {
  return (
    <div className="alert alert-danger" role="alert">
      <div className="step-error-body">
        <strong className="step-error-message">{error.message}</strong>
        {error.path || error.code ? (
          <div className="step-error-meta">
            {error.path ? <span title={error.path}>In {errorPlace(error.path)}</span> : null}
            {error.code ? (
              <code className="step-error-code" title="Error code, for support and logs">
                {error.code}
              </code>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
