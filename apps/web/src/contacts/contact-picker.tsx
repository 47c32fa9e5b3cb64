import { useEffect, useState } from 'react';
import { type Contact, contactsApi } from '../api/contacts.api';
import { errorMessage } from '../ui/format';
import { SearchField } from '../ui/search-field';
import { contactName } from './contact-name';

/** "Ada Lovelace · ada@example.com", or whatever the contact has. */
export function contactLabel(contact: Pick<Contact, 'first_name' | 'last_name' | 'email' | 'id'>): string {
  const name = contactName(contact);
  if (name && contact.email) return `${name} · ${contact.email}`;
  return name || contact.email || contact.id;
}

/** Search the workspace's contacts and choose one (the contact a flow or connector runs on). */
export function ContactPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (contact: Contact) => void;
}) {
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<Contact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      contactsApi
        .list({ search: search.trim() || undefined, limit: 8 })
        .then((page) => {
          if (!live) return;
          setItems(page.data);
          setError(null);
        })
        .catch((err) => live && setError(errorMessage(err)));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);
  return (
    <div className="contact-picker">
      <SearchField
        label="Search contacts"
        placeholder="Search by name or e-mail"
        value={search}
        onChange={setSearch}
        autoFocus
      />
      {error ? <p className="field-error">{error}</p> : null}
      <ul className="contact-picker-list" aria-label="Contacts">
        {items === null ? (
          <li className="faint">Loading…</li>
        ) : items.length === 0 ? (
          <li className="faint">No contact matches.</li>
        ) : (
          items.map((c) => {
            const name = contactName(c);
            return (
              <li key={c.id}>
                {/* The name gives way (ellipsis) so the e-mail stays in view; the whole label on hover. */}
                <label
                  className={`contact-picker-item${value === c.id ? ' is-on' : ''}`}
                  title={contactLabel(c)}
                >
                  <input type="radio" name="contact" checked={value === c.id} onChange={() => onChange(c)} />
                  {name ? <span className="contact-picker-name truncate">{name}</span> : null}{' '}
                  {c.email ? (
                    <span className="contact-picker-email truncate muted">
                      {name ? '· ' : ''}
                      {c.email}
                    </span>
                  ) : null}
                  {!name && !c.email ? <span className="contact-picker-name truncate">{c.id}</span> : null}
                </label>
              </li>
            );
          })
        )}
      </ul>
    </div>
  );
}
