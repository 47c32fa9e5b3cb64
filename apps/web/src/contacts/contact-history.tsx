import { Link } from 'react-router';
import type { ContactHistoryEntry } from '../api/contacts.api';
import { timeAgo } from '../ui/format';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A value as the history shows it: text as is, anything else as compact JSON, nothing as an em dash. */
export function showValue(value: unknown): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Each enrichment of the contact, newest first: the connector, its run, and every field it changed. */
export function ContactHistory({
  entries,
  flowNames = new Map(),
}: {
  entries: ContactHistoryEntry[];
  /** The flow behind a flow run, to name the flow whose "Update contact" made a change. */
  flowNames?: ReadonlyMap<string, { flowId: string; name: string }>;
}) {
  if (entries.length === 0) {
    return (
      <p className="faint history-empty">
        No connector has changed this contact yet. Run one from the buttons above, or let a flow do it.
      </p>
    );
  }
  return (
    <ol className="history" aria-label="Enrichment history">
      {entries.map((entry) => (
        <li
          key={entry.execution_id ?? `${entry.flow_run_id}-${entry.completed_at}`}
          className={entry.connector_id ? 'history-entry' : 'history-entry history-by-flow'}
        >
          <div className="history-head">
            <span className="history-dot" aria-hidden="true" />
            {entry.connector_id ? (
              <Link to={`/connectors/${entry.connector_id}`} className="history-connector">
                {entry.connector_name ?? 'Deleted connector'}
              </Link>
            ) : entry.flow_run_id && flowNames.get(entry.flow_run_id) ? (
              <Link to={`/flows/${flowNames.get(entry.flow_run_id)?.flowId}`} className="history-connector">
                {flowNames.get(entry.flow_run_id)?.name}
              </Link>
            ) : entry.flow_run_id ? (
              <span className="history-connector">A flow's contact update</span>
            ) : (
              <span className="history-connector">Deleted connector</span>
            )}
            <span className="faint" title={entry.completed_at ?? undefined}>
              {timeAgo(entry.completed_at)}
            </span>
            <span className="history-links">
              {entry.flow_run_id ? (
                <Link to={`/flow-runs/${entry.flow_run_id}`} className="btn btn-ghost btn-sm">
                  Flow run
                </Link>
              ) : null}
              {entry.execution_id ? (
                <Link to={`/executions/${entry.execution_id}`} className="btn btn-ghost btn-sm">
                  Open run
                </Link>
              ) : null}
            </span>
          </div>
          {entry.changes.length ? (
            <table className="history-changes">
              <thead>
                <tr>
                  <th>Field</th>
                  <th>Before</th>
                  <th>
                    <span className="visually-hidden">becomes</span>
                  </th>
                  <th>After</th>
                </tr>
              </thead>
              <tbody>
                {entry.changes.map((change) => (
                  <tr key={change.field}>
                    <td>
                      <code>{change.field}</code>
                    </td>
                    <td className={isEmpty(change.old) ? 'history-old is-empty' : 'history-old'}>
                      {showValue(change.old)}
                    </td>
                    <td className="faint" aria-hidden="true">
                      →
                    </td>
                    <td className="history-new">{showValue(change.new)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="faint history-nochange">Ran, and changed nothing.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
