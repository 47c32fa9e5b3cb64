import { useEffect, useState } from 'react';
import type { Contact, ContactBody } from '../api/contacts.api';
import { ProvenanceChip } from './provenance-chip';

export const CONTACT_FORM_FIELDS = [
  ['email', 'E-mail', 'email'],
  ['first_name', 'First name', 'text'],
  ['last_name', 'Last name', 'text'],
  ['company', 'Company', 'text'],
  ['title', 'Title', 'text'],
  ['phone', 'Phone', 'tel'],
] as const;

type FieldName = (typeof CONTACT_FORM_FIELDS)[number][0];

/** The contact's own fields, editable, each with where its value came from. Saves only what changed. */
export function ContactFieldsForm({
  contact,
  onSave,
  flowNames = new Map(),
}: {
  contact: Contact;
  onSave: (patch: ContactBody) => Promise<void>;
  flowNames?: ReadonlyMap<string, { flowId: string; name: string }>;
}) {
  const initial = () =>
    Object.fromEntries(CONTACT_FORM_FIELDS.map(([name]) => [name, contact[name] ?? ''])) as Record<
      FieldName,
      string
    >;
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the saved contact changes
  useEffect(() => setValues(initial()), [contact]);
  const changed = CONTACT_FORM_FIELDS.filter(([name]) => values[name] !== (contact[name] ?? ''));
  return (
    <form
      className="contact-fields"
      onSubmit={async (event) => {
        event.preventDefault();
        if (changed.length === 0) return;
        setBusy(true);
        try {
          await onSave(
            Object.fromEntries(
              changed.map(([name]) => [name, values[name].trim() === '' ? null : values[name]]),
            ),
          );
        } finally {
          setBusy(false);
        }
      }}
    >
      {CONTACT_FORM_FIELDS.map(([name, label, type]) => (
        <div className="contact-field" key={name}>
          <label className="field-label" htmlFor={`cf-${name}`}>
            {label}
          </label>
          <input
            id={`cf-${name}`}
            className="input"
            type={type}
            value={values[name]}
            onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          />
          {/* An empty field came from nowhere: "Entered by hand" would say someone typed it. */}
          {contact.provenance?.[name] || (contact[name] ?? '') !== '' ? (
            <ProvenanceChip
              provenance={contact.provenance?.[name]}
              flowName={(() => {
                const run = contact.provenance?.[name]?.flow_run_id;
                return run ? flowNames.get(run)?.name : undefined;
              })()}
            />
          ) : null}
        </div>
      ))}
      <div className="contact-fields-actions">
        {changed.length ? (
          <button type="button" className="btn" onClick={() => setValues(initial())}>
            Discard
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy || changed.length === 0}>
          {busy
            ? 'Saving…'
            : changed.length
              ? `Save ${changed.length} ${changed.length === 1 ? 'change' : 'changes'}`
              : 'Saved'}
        </button>
      </div>
    </form>
  );
}
