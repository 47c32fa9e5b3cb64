import { useCallback, useEffect, useState } from 'react';
import { type Credential, credentialsApi } from '../api/credentials.api';
import { DeleteDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { errorMessage, timeAgo } from '../ui/format';
import { IconKey, IconPlus, IconTrash } from '../ui/icons';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { useToast } from '../ui/toast';
import { CredentialDialog } from './credential-dialog';

/** The workspace's stored secrets: names and hosts only, never values. */
export function CredentialsPage() {
  const [items, setItems] = useState<Credential[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ service?: string } | null>(null);
  const [deleting, setDeleting] = useState<Credential | null>(null);
  const toast = useToast();

  const load = useCallback(async () => {
    try {
      setItems((await credentialsApi.list()).data);
    } catch (err) {
      setError(errorMessage(err));
      setItems([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <PageHeader
        title="Credentials"
        description="API tokens and keys, encrypted. HTTP nodes pick them in their Auth section."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setEditing({})}>
            <IconPlus /> Add credential
          </button>
        }
      />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {items === null ? (
        <PageLoading>Loading credentials…</PageLoading>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconKey size={28} />}
          title="No credentials yet"
          actions={
            <button type="button" className="btn btn-primary" onClick={() => setEditing({})}>
              <IconPlus /> Add credential
            </button>
          }
        >
          Store the token of each service your connectors call — for HubSpot, a private app token under the
          service <code>hubspot</code>. Connectors then use it as{' '}
          <code>{'{{credentials.hubspot.token}}'}</code>.
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>Service</th>
                <th>Fields</th>
                <th>Allowed hosts</th>
                <th>Last used</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td className="mono">{c.service_name}</td>
                  <td>
                    {c.fields.map((f) => (
                      <code key={f} className="chip">{`credentials.${c.service_name}.${f}`}</code>
                    ))}
                  </td>
                  <td className="faint">
                    {c.allowed_hosts.length ? c.allowed_hosts.join(', ') : 'First host used'}
                  </td>
                  <td className="faint">{timeAgo(c.last_used_at)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() => setEditing({ service: c.service_name })}
                    >
                      Replace
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm btn-icon"
                      aria-label={`Delete ${c.service_name}`}
                      onClick={() => setDeleting(c)}
                    >
                      <IconTrash />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <CredentialDialog
          service={editing.service}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            toast.show(`Saved ${saved.service_name}`, 'success');
            void load();
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title={`Delete ${deleting.service_name}?`}
          message="Connectors that use these secrets will fail until you store them again."
          confirmLabel="Delete credential"
          onCancel={() => setDeleting(null)}
          remove={() => credentialsApi.remove(deleting.service_name)}
          onDeleted={() => {
            setDeleting(null);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
