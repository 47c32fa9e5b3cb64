import { useCallback, useEffect, useState } from 'react';
import { type Contact, contactsApi } from '../api/contacts.api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { errorMessage, timeAgo } from '../ui/format';
import { IconContacts, IconPlus, IconSearch, IconTrash } from '../ui/icons';
import { PageHeader } from '../ui/page-header';
import { useToast } from '../ui/toast';
import { NewContactDialog } from './new-contact-dialog';

/** The contacts connectors enrich: search, add, delete; `metadata` shows what connectors wrote. */
export function ContactsPage() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Contact[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const toast = useToast();

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const load = useCallback(async () => {
    try {
      const page = await contactsApi.list({ search: query || undefined });
      setItems(page.data);
      setCursor(page.next_cursor);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
      setItems([]);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);

  const more = async () => {
    if (!cursor) return;
    const page = await contactsApi.list({ search: query || undefined, cursor });
    setItems((list) => [...(list ?? []), ...page.data]);
    setCursor(page.next_cursor);
  };

  return (
    <div className="page">
      <PageHeader
        title="Contacts"
        description="The people your connectors enrich."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <IconPlus /> New contact
          </button>
        }
      />
      <div className="toolbar">
        <div className="search-field">
          <IconSearch />
          <input
            className="input"
            type="search"
            placeholder="Search by name or e-mail"
            aria-label="Search contacts"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>
      {error ? (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      ) : null}
      {items === null ? (
        <div className="page-loading" role="status">
          <span className="spinner" /> Loading contacts…
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconContacts size={28} />}
          title={query ? 'No contact matches' : 'No contacts yet'}
          actions={
            query ? null : (
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                <IconPlus /> New contact
              </button>
            )
          }
        >
          {query
            ? 'Try another name or e-mail.'
            : 'Add a contact with an e-mail address, then run a connector on it to fill in the rest.'}
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>E-mail</th>
                <th>Company</th>
                <th>Enriched fields</th>
                <th>Updated</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    {[c.first_name, c.last_name].filter(Boolean).join(' ') || (
                      <span className="faint">—</span>
                    )}
                  </td>
                  <td className="mono">{c.email ?? '—'}</td>
                  <td>{c.company ?? <span className="faint">—</span>}</td>
                  <td className="faint truncate" title={JSON.stringify(c.metadata)}>
                    {Object.keys(c.metadata).length ? Object.keys(c.metadata).join(', ') : '—'}
                  </td>
                  <td className="faint">{timeAgo(c.updated_at)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm btn-icon"
                      aria-label={`Delete ${c.email ?? 'contact'}`}
                      onClick={() => setDeleting(c)}
                    >
                      <IconTrash />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {cursor ? (
            <div className="table-more">
              <button type="button" className="btn" onClick={() => void more()}>
                Load more
              </button>
            </div>
          ) : null}
        </div>
      )}
      {creating ? (
        <NewContactDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            toast.show('Contact added', 'success');
            void load();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this contact?"
          message={`${deleting.email ?? 'The contact'} and what connectors wrote on it are deleted. This cannot be undone.`}
          confirmLabel="Delete contact"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await contactsApi.remove(deleting.id);
              setDeleting(null);
              void load();
            } catch (err) {
              toast.show(errorMessage(err), 'error');
            }
          }}
        />
      ) : null}
    </div>
  );
}
