import '../styles/contacts.css';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Contact, type ContactBody, type ContactHistoryEntry, contactsApi } from '../api/contacts.api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { errorMessage, timeAgo } from '../ui/format';
import { IconChevronLeft, IconPlay, IconTrash } from '../ui/icons';
import { CannotOpen, PageLoading } from '../ui/page-state';
import { useToast } from '../ui/toast';
import type { Runnable } from './bulk/bulk-run-dialog';
import { ContactFieldsForm } from './contact-fields-form';
import { ContactHistory } from './contact-history';
import { ContactMetadata } from './contact-metadata';
import { contactName } from './contact-name';
import { RunOnContactDialog } from './run-on-contact-dialog';
import { useFlowNames } from './use-flow-names';

/**
 * `/contacts/:id`: the contact's fields (editable), its metadata, where each value came from, and the
 * history of every enrichment with the fields it changed.
 */
export function ContactDetailPage() {
  const { id = '' } = useParams();
  const [contact, setContact] = useState<Contact | null>(null);
  const [history, setHistory] = useState<ContactHistoryEntry[] | null>(null);
  const [historyCursor, setHistoryCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [running, setRunning] = useState<Runnable['kind'] | null>(null);
  const [deleting, setDeleting] = useState(false);
  const toast = useToast();
  const navigate = useNavigate();

  const load = useCallback(async () => {
    try {
      setContact(await contactsApi.get(id));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
    try {
      const page = await contactsApi.history(id);
      setHistory(page.data);
      setHistoryCursor(page.next_cursor ?? null);
      setHistoryError(null);
    } catch (err) {
      setHistory([]);
      setHistoryError(errorMessage(err));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const olderHistory = async () => {
    if (!historyCursor) return;
    try {
      const page = await contactsApi.history(id, { cursor: historyCursor });
      setHistory((list) => [...(list ?? []), ...page.data]);
      setHistoryCursor(page.next_cursor ?? null);
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    }
  };

  const patch = async (body: ContactBody) => {
    try {
      setContact(await contactsApi.patch(id, body));
      toast.show('Contact saved', 'success');
    } catch (err) {
      toast.show(errorMessage(err), 'error');
      throw err;
    }
  };

  // Writes made by a flow's "Update contact" name their flow (the API names the run).
  const flowWrites = [
    ...(history ?? []).flatMap((e) => (!e.connector_id && e.flow_run_id ? [e.flow_run_id] : [])),
    ...Object.values(contact?.provenance ?? {}).flatMap((p) =>
      !p.connector_id && p.flow_run_id ? [p.flow_run_id] : [],
    ),
  ];
  const flowNames = useFlowNames(flowWrites);

  if (error && !contact) {
    return (
      <CannotOpen title="This contact cannot be opened" back={{ to: '/contacts', label: 'Back to Contacts' }}>
        {error}
      </CannotOpen>
    );
  }
  if (!contact) {
    return <PageLoading>Loading contact…</PageLoading>;
  }
  const name = contactName(contact);
  // Title and company; else the e-mail when the heading is the name (an unnamed contact's heading is its e-mail).
  const about =
    [contact.title, contact.company].filter(Boolean).join(' at ') || (name ? contact.email : '') || '';
  return (
    <div className="page contact-page">
      <header className="page-header contact-header">
        <div className="contact-header-main">
          <Link
            to="/contacts"
            className="btn btn-ghost btn-sm btn-icon"
            aria-label="Back to Contacts"
            title="Back to Contacts"
          >
            <IconChevronLeft />
          </Link>
          <span className="contact-avatar" aria-hidden="true">
            {(name || contact.email || '?').slice(0, 1).toUpperCase()}
          </span>
          <div>
            <h1>{name || contact.email || 'Contact'}</h1>
            <p className="muted">
              {about}
              <span className="faint">
                {about ? ' · updated ' : 'Updated '}
                {timeAgo(contact.updated_at)}
              </span>
            </p>
          </div>
        </div>
        <div className="page-header-actions">
          <button type="button" className="btn" onClick={() => setRunning('connector')}>
            <IconPlay /> Run connector…
          </button>
          <button type="button" className="btn" onClick={() => setRunning('flow')}>
            <IconPlay /> Run flow…
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label="Delete contact"
            title="Delete contact"
            onClick={() => setDeleting(true)}
          >
            <IconTrash />
          </button>
        </div>
      </header>
      <div className="contact-grid">
        <div className="contact-col">
          <section className="card contact-card" aria-labelledby="contact-fields-title">
            <h2 id="contact-fields-title">Fields</h2>
            <ContactFieldsForm contact={contact} onSave={patch} flowNames={flowNames} />
          </section>
          <section className="card contact-card" aria-labelledby="contact-meta-title">
            <h2 id="contact-meta-title">Metadata</h2>
            <ContactMetadata
              contact={contact}
              onSave={(metadata) => patch({ metadata })}
              flowNames={flowNames}
            />
          </section>
        </div>
        <section className="card contact-card contact-history-card" aria-labelledby="contact-history-title">
          <h2 id="contact-history-title">Enrichment history</h2>
          {historyError ? <p className="field-error">{historyError}</p> : null}
          {history === null ? (
            <p className="faint">
              <span className="spinner" /> Loading…
            </p>
          ) : (
            <ContactHistory entries={history} flowNames={flowNames} />
          )}
          {historyCursor ? (
            <button type="button" className="btn btn-sm" onClick={() => void olderHistory()}>
              Show older
            </button>
          ) : null}
        </section>
      </div>
      {running ? (
        <RunOnContactDialog
          contactId={contact.id}
          contactLabel={name || contact.email || 'this contact'}
          initialKind={running}
          onClose={() => setRunning(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete this contact?"
          message={`${contact.email ?? 'The contact'} and what connectors wrote on it are deleted. This cannot be undone.`}
          confirmLabel="Delete contact"
          danger
          onCancel={() => setDeleting(false)}
          onConfirm={async () => {
            try {
              await contactsApi.remove(contact.id);
              navigate('/contacts');
            } catch (err) {
              toast.show(errorMessage(err), 'error');
            }
          }}
        />
      ) : null}
    </div>
  );
}
