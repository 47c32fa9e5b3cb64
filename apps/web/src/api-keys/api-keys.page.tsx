import { useCallback, useEffect, useState } from 'react';
import { type ApiKey, apiKeysApi, type CreatedApiKey } from '../api/api-keys.api';
import { DeleteDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { FormDialog } from '../ui/form-dialog';
import { errorMessage, timeAgo } from '../ui/format';
import { IconApiKey, IconCopy, IconPlus, IconTrash } from '../ui/icons';
import { Modal } from '../ui/modal';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { useToast } from '../ui/toast';

/** The workspace's API keys, for scripts and integrations: create one (shown once), see when each was used, revoke. */
export function ApiKeysPage() {
  const [items, setItems] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const toast = useToast();

  const load = useCallback(async () => {
    try {
      setItems((await apiKeysApi.list()).data);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
      setItems([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const createButton = (
    <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
      <IconPlus /> New API key
    </button>
  );

  return (
    <div className="page">
      <PageHeader
        title="API keys"
        description={
          <>
            For scripts and integrations: send a key as <code>Authorization: Bearer ck_…</code> instead of
            signing in. A key acts in this workspace.
          </>
        }
        actions={createButton}
      />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {items === null ? (
        <PageLoading>Loading API keys…</PageLoading>
      ) : items.length === 0 ? (
        <EmptyState icon={<IconApiKey size={28} />} title="No API keys yet" actions={createButton}>
          Create a key to call the API from a script or another system — run a connector on a contact, read
          its runs. The key is shown once, when it is created.
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Created</th>
                <th>Last used</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((k) => (
                <tr key={k.id}>
                  <td className="truncate" title={k.name}>
                    {k.name}
                  </td>
                  <td>
                    <code className="chip">{k.prefix}…</code>
                  </td>
                  <td className="faint nowrap" title={new Date(k.created_at).toLocaleString()}>
                    {timeAgo(k.created_at)}
                  </td>
                  <td className="faint nowrap">{k.last_used_at ? timeAgo(k.last_used_at) : 'Never'}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm btn-icon"
                      aria-label={`Revoke ${k.name}`}
                      title="Revoke"
                      onClick={() => setRevoking(k)}
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
      {creating ? (
        <NewApiKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            void load();
          }}
        />
      ) : null}
      {created ? <CreatedKeyDialog created={created} onClose={() => setCreated(null)} /> : null}
      {revoking ? (
        <DeleteDialog
          title={`Revoke ${revoking.name}?`}
          message="Scripts and integrations that send this key are refused from now on. This cannot be undone."
          confirmLabel="Revoke key"
          onCancel={() => setRevoking(null)}
          remove={() => apiKeysApi.revoke(revoking.id)}
          onDeleted={() => {
            toast.show(`Revoked ${revoking.name}`, 'success');
            setRevoking(null);
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

function NewApiKeyDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const [name, setName] = useState('');
  return (
    <FormDialog
      title="New API key"
      submitLabel="Create key"
      incomplete={name.trim() === ''}
      onSubmit={async () => onCreated(await apiKeysApi.create(name.trim()))}
      onClose={onClose}
    >
      <div className="field">
        <label className="field-label" htmlFor="api-key-name">
          Name
        </label>
        <input
          id="api-key-name"
          className="input"
          value={name}
          maxLength={200}
          placeholder="CRM sync"
          onChange={(e) => setName(e.target.value)}
          data-autofocus
        />
        <span className="field-hint">
          What uses it; the activity log names the key on every change it makes.
        </span>
      </div>
    </FormDialog>
  );
}

/** The key in clear, once: copy it now, it is never shown again. */
function CreatedKeyDialog({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Modal
      title={`API key "${created.name}" created`}
      description="Copy it now and keep it somewhere safe: it is not shown again."
      onClose={onClose}
    >
      <div className="api-key-reveal">
        <input
          className="input mono"
          readOnly
          value={created.key}
          aria-label="The new API key"
          onFocus={(e) => e.currentTarget.select()}
          data-autofocus
        />
        <button
          type="button"
          className="btn"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(created.key);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          <IconCopy /> {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <div className="modal-actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
