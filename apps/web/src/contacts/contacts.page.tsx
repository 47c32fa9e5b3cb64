import '../styles/contacts.css';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type BulkTarget, searchTarget } from '../api/bulk-runs.api';
import { type Contact, contactsApi } from '../api/contacts.api';
import { DeleteDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { errorMessage, timeAgo } from '../ui/format';
import { IconContacts, IconPlay, IconPlus, IconTrash } from '../ui/icons';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { SearchField } from '../ui/search-field';
import { useToast } from '../ui/toast';
import { BulkRunDialog, type Runnable } from './bulk/bulk-run-dialog';
import { contactName } from './contact-name';
import { NewContactDialog } from './new-contact-dialog';

/** A page of the list; "Load more" asks for the next one (keyset paging, so nothing is skipped or repeated). */
const PAGE_SIZE = 50;

/**
 * The contacts connectors enrich: search, page through, open one, add, delete; select some (or take all
 * that match the search) and run a connector or a flow on them.
 */
export function ContactsPage() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Contact[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<{ kind: Runnable['kind']; target: BulkTarget; label: string } | null>(
    null,
  );
  const toast = useToast();

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const load = useCallback(async () => {
    try {
      const page = await contactsApi.list({ search: query || undefined, limit: PAGE_SIZE });
      setItems(page.data);
      setCursor(page.next_cursor);
      setSelected(new Set());
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
    setLoadingMore(true);
    try {
      const page = await contactsApi.list({ search: query || undefined, cursor, limit: PAGE_SIZE });
      setItems((list) => [...(list ?? []), ...page.data]);
      setCursor(page.next_cursor);
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    } finally {
      setLoadingMore(false);
    }
  };

  const toggle = (id: string) =>
    setSelected((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShown = items !== null && items.length > 0 && items.every((c) => selected.has(c.id));
  const toggleAll = () => setSelected(allShown ? new Set() : new Set((items ?? []).map((c) => c.id)));

  const runOn = (kind: Runnable['kind']) => {
    if (selected.size > 0) {
      setBulk({
        kind,
        target: { contactIds: [...selected] },
        label: `${selected.size} selected ${selected.size === 1 ? 'contact' : 'contacts'}`,
      });
    } else {
      setBulk({
        kind,
        target: searchTarget(query),
        label: query ? `every contact matching “${query}”` : 'every contact',
      });
    }
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
      <div className="toolbar contacts-toolbar">
        <SearchField
          label="Search contacts"
          placeholder="Search by name or e-mail"
          value={search}
          onChange={setSearch}
        />
        <fieldset
          className={`contacts-bulk${selected.size ? ' has-selection' : ''}`}
          aria-label="Run on contacts"
        >
          <span className="contacts-bulk-label">
            {selected.size ? (
              <>
                <strong>{selected.size}</strong> selected
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setSelected(new Set())}>
                  Clear
                </button>
              </>
            ) : (
              <span className="faint">{query ? 'On all matching:' : 'On all contacts:'}</span>
            )}
          </span>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => runOn('connector')}
            disabled={!items?.length}
          >
            <IconPlay /> Run connector…
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => runOn('flow')}
            disabled={!items?.length}
          >
            <IconPlay /> Run flow…
          </button>
        </fieldset>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {items === null ? (
        <PageLoading>Loading contacts…</PageLoading>
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
          <table className="table contacts-table">
            <thead>
              <tr>
                <th className="check-col">
                  <input
                    type="checkbox"
                    aria-label="Select all shown contacts"
                    checked={allShown}
                    onChange={toggleAll}
                  />
                </th>
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
              {items.map((c) => {
                const name = contactName(c);
                const enriched = Object.keys(c.provenance ?? {});
                const meta = Object.keys(c.metadata);
                return (
                  <tr key={c.id} className={selected.has(c.id) ? 'is-selected' : undefined}>
                    <td className="check-col">
                      <input
                        type="checkbox"
                        aria-label={`Select ${c.email ?? name ?? 'contact'}`}
                        checked={selected.has(c.id)}
                        onChange={() => toggle(c.id)}
                      />
                    </td>
                    <td>
                      <Link className="contact-link" to={`/contacts/${c.id}`}>
                        {name || <span className="faint">No name</span>}
                      </Link>
                    </td>
                    <td className="mono">
                      {c.email ? (
                        <Link className="contact-email-link" to={`/contacts/${c.id}`} tabIndex={-1}>
                          {c.email}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{c.company ?? <span className="faint">—</span>}</td>
                    <td
                      className="faint truncate contacts-enriched"
                      title={(enriched.length ? enriched : meta).join(', ')}
                    >
                      {enriched.length
                        ? `${enriched.length} ${enriched.length === 1 ? 'field' : 'fields'} by connectors`
                        : meta.length
                          ? meta.join(', ')
                          : '—'}
                    </td>
                    <td className="faint nowrap" title={new Date(c.updated_at).toLocaleString()}>
                      {timeAgo(c.updated_at)}
                    </td>
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
                );
              })}
            </tbody>
          </table>
          <LoadMore
            hasMore={Boolean(cursor)}
            onMore={() => void more()}
            loading={loadingMore}
            className="contacts-more"
          >
            <span className="faint">
              {items.length} {items.length === 1 ? 'contact' : 'contacts'} shown
            </span>
          </LoadMore>
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
      {bulk ? (
        <BulkRunDialog
          initialKind={bulk.kind}
          contacts={{ target: bulk.target, label: bulk.label }}
          onClose={() => {
            setBulk(null);
            void load();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title="Delete this contact?"
          message={`${deleting.email ?? 'The contact'} and what connectors wrote on it are deleted. This cannot be undone.`}
          confirmLabel="Delete contact"
          onCancel={() => setDeleting(null)}
          remove={() => contactsApi.remove(deleting.id)}
          onDeleted={() => {
            setDeleting(null);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
