import { useState } from 'react';
import { contactsApi } from '../api/contacts.api';
import { errorMessage } from '../ui/format';
import { Modal } from '../ui/modal';

const FIELDS = [
  ['email', 'E-mail', 'email'],
  ['first_name', 'First name', 'text'],
  ['last_name', 'Last name', 'text'],
  ['company', 'Company', 'text'],
  ['title', 'Title', 'text'],
  ['phone', 'Phone', 'tel'],
] as const;

export function NewContactDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title="New contact" onClose={onClose} width={440}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
            await contactsApi.create(body);
            onCreated();
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        {error ? (
          <div className="alert alert-danger" role="alert">
            {error}
          </div>
        ) : null}
        {FIELDS.map(([name, label, type], index) => (
          <div className="field" key={name}>
            <label className="field-label" htmlFor={`contact-${name}`}>
              {label}
            </label>
            <input
              id={`contact-${name}`}
              className="input"
              type={type}
              value={values[name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              data-autofocus={index === 0 ? true : undefined}
            />
          </div>
        ))}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Add contact
          </button>
        </div>
      </form>
    </Modal>
  );
}
