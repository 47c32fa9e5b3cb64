import { useState } from 'react';
import { contactsApi } from '../api/contacts.api';
import { FormDialog } from '../ui/form-dialog';
import { CONTACT_FORM_FIELDS } from './contact-fields-form';

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
      {CONTACT_FORM_FIELDS.map(([name, label, type], index) => (
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
