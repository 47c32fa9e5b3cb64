import { useState } from 'react';
import { contactsApi } from '../api/contacts.api';
import { FormDialog } from '../ui/form-dialog';

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
  return (
    <FormDialog
      title="New contact"
      submitLabel="Add contact"
      onSubmit={async () => {
        const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
        await contactsApi.create(body);
        onCreated();
      }}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}
