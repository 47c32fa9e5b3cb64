import type { AttemptRecord } from '@connectors/engine';
import { JsonView } from '../editor/run/json-view';
import { duration } from '../ui/format';

/** "14:02:07.412": when an attempt started, to the millisecond. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleTimeString('en-GB', { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function HeaderTable({ label, headers }: { label: string; headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  return (
    <details className="kv-details">
      <summary>
        {label} <span className="faint">({entries.length})</span>
      </summary>
      {entries.length ? (
        <table className="kv-table">
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="faint">None</p>
      )}
    </details>
  );
}

/**
 * One HTTP attempt: when and how long, the request as sent (secrets were masked by the server before
 * it was stored), and the response's status, headers and body, or the error.
 */
export function AttemptView({ attempt }: { attempt: AttemptRecord }) {
  const status = attempt.response?.status;
  return (
    <section className="attempt-view" aria-label={`Attempt ${attempt.attempt}`}>
      <div className="attempt-timing">
        <span>Started {clockTime(attempt.started_at)}</span>
        <span>Took {duration(attempt.duration_ms)}</span>
        {attempt.retry_delay_ms ? (
          <span>Waited {duration(attempt.retry_delay_ms)} before the next</span>
        ) : null}
      </div>
      <h4 className="attempt-section">Request</h4>
      <div className="attempt-line">
        <span className={`method method-${attempt.request.method.toLowerCase()}`}>
          {attempt.request.method}
        </span>
        <code className="attempt-url">{attempt.request.url}</code>
      </div>
      <HeaderTable label="Headers" headers={attempt.request.headers} />
      {attempt.request.body ? (
        <JsonView label="Body" value={attempt.request.body} defaultOpen={false} />
      ) : null}
      <h4 className="attempt-section">
        Response
        {status !== undefined ? (
          <span
            className={`badge ${status < 400 ? 'badge-success' : 'badge-danger'}`}
            data-testid="response-status"
          >
            HTTP {status}
          </span>
        ) : (
          <span className="badge badge-danger">No response</span>
        )}
      </h4>
      {attempt.error && attempt.error !== `HTTP ${status}` ? (
        <p className="attempt-error" role="alert">
          {attempt.error}
        </p>
      ) : null}
      {attempt.response ? (
        <>
          <HeaderTable label="Headers" headers={attempt.response.headers} />
          <JsonView label="Body" value={attempt.response.body} />
        </>
      ) : null}
    </section>
  );
}
