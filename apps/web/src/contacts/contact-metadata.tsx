import { useState } from 'react';
import type { Contact } from '../api/contacts.api';
import { ProvenanceChip } from './provenance-chip';

function flowNameOf(
  flowRunId: string | null | undefined,
  names: ReadonlyMap<string, { name: string }>,
): string | undefined {
  return flowRunId ? names.get(flowRunId)?.name : undefined;
}

/** One metadata value, readable: text as is, numbers and booleans plainly, objects as indented JSON. */
function MetaValue({ value }: { value: unknown }) {
  if (value === null) return <span className="faint">null</span>;
  if (typeof value === 'object') return <pre className="meta-json">{JSON.stringify(value, null, 2)}</pre>;
  return <span className="meta-text">{String(value)}</span>;
}

/**
 * What connectors wrote beyond the standard fields: a key/value list with each key's provenance, or the
 * whole object as JSON to edit (keys removed from the text are deleted).
 */
export function ContactMetadata({
  contact,
  onSave,
  flowNames = new Map(),
}: {
  contact: Contact;
  onSave: (metadata: Record<string, unknown>) => Promise<void>;
  flowNames?: ReadonlyMap<string, { flowId: string; name: string }>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const entries = Object.entries(contact.metadata ?? {});
  if (editing !== null) {
    return (
      <form
        className="meta-edit"
        onSubmit={async (event) => {
          event.preventDefault();
          let parsed: unknown;
          try {
            parsed = JSON.parse(editing);
          } catch (err) {
            setError(`Not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
            return;
          }
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
            setError('Metadata is a JSON object: { "key": value }.');
            return;
          }
          // A merge patch: keys that were removed are sent as null, which deletes them.
          const removed = Object.keys(contact.metadata ?? {}).filter(
            (k) => !Object.hasOwn(parsed as object, k),
          );
          await onSave({ ...Object.fromEntries(removed.map((k) => [k, null])), ...(parsed as object) });
          setEditing(null);
          setError(null);
        }}
      >
        <textarea
          className="input textarea input-mono meta-textarea"
          aria-label="Metadata as JSON"
          rows={Math.min(18, Math.max(6, editing.split('\n').length + 1))}
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          spellCheck={false}
        />
        {error ? <p className="field-error">{error}</p> : null}
        <div className="contact-fields-actions">
          <button type="button" className="btn" onClick={() => setEditing(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Save metadata
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      {entries.length === 0 ? (
        <p className="faint">
          No metadata yet. Connectors write here with fields like <code>metadata.industry</code>.
        </p>
      ) : (
        <dl className="meta-list">
          {entries.map(([key, value]) => (
            <div className="meta-row" key={key}>
              <dt>
                <code>{key}</code>
              </dt>
              <dd>
                <MetaValue value={value} />
              </dd>
              <dd className="meta-prov">
                <ProvenanceChip
                  provenance={contact.provenance?.[`metadata.${key}`]}
                  flowName={flowNameOf(contact.provenance?.[`metadata.${key}`]?.flow_run_id, flowNames)}
                />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <button
        type="button"
        className="btn btn-sm meta-edit-button"
        onClick={() => setEditing(JSON.stringify(contact.metadata ?? {}, null, 2))}
      >
        Edit as JSON
      </button>
    </>
  );
}
