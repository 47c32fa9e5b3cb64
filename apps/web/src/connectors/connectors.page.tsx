import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/api-client';
import { type Connector, connectorBody, connectorsApi } from '../api/connectors.api';
import { BulkRunDialog } from '../contacts/bulk/bulk-run-dialog';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { errorMessage } from '../ui/format';
import { IconConnector, IconPlus, IconSearch, IconTemplate, IconUpload } from '../ui/icons';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { SearchField } from '../ui/search-field';
import { useToast } from '../ui/toast';
import { CATEGORIES } from './categories';
import { downloadConnector, parseConnectorFile } from './connector-file';
import { ConnectorRow } from './connector-row';
import { NewConnectorDialog } from './new-connector-dialog';

/** The workspace's connectors: search, filter by category, create, import, and per row the usual actions. */
export function ConnectorsPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const [draft, setDraft] = useState(search);
  const [items, setItems] = useState<Connector[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(params.get('new') === '1');
  const [deleting, setDeleting] = useState<Connector | null>(null);
  const [bulk, setBulk] = useState<Connector | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useToast();
  const navigate = useNavigate();

  const load = useCallback(async () => {
    setError(null);
    try {
      const page = await connectorsApi.list({ search: search || undefined, category: category || undefined });
      setItems(page.data);
      setCursor(page.next_cursor);
    } catch (err) {
      setError(errorMessage(err));
      setItems([]);
    }
  }, [search, category]);

  useEffect(() => {
    void load();
  }, [load]);

  // Typing filters after a short pause; the filter lives in the URL so it survives a reload.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (draft === search) return;
      const next = new URLSearchParams(params);
      if (draft) next.set('q', draft);
      else next.delete('q');
      setParams(next, { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, search, params, setParams]);

  const setCategory = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('category', value);
    else next.delete('category');
    setParams(next, { replace: true });
  };

  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await connectorsApi.list({
        search: search || undefined,
        category: category || undefined,
        cursor,
      });
      setItems((list) => [...(list ?? []), ...page.data]);
      setCursor(page.next_cursor);
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    }
  };

  const replace = (updated: Connector) =>
    setItems((list) => list?.map((c) => (c.id === updated.id ? updated : c)) ?? null);

  const toggleEnabled = async (connector: Connector, enabled: boolean) => {
    replace({ ...connector, enabled });
    try {
      replace(
        await connectorsApi.update(connector.id, {
          ...connectorBody(connector),
          enabled,
          version: connector.version,
        }),
      );
      toast.show(`${connector.name} ${enabled ? 'enabled' : 'disabled'}`, 'success');
    } catch (err) {
      replace(connector);
      toast.show(errorMessage(err), 'error');
    }
  };

  const clone = async (connector: Connector) => {
    try {
      const copy = await connectorsApi.clone(connector.id);
      setItems((list) => [copy, ...(list ?? [])]);
      toast.show(`Cloned as "${copy.name}"`, 'success');
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    }
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await connectorsApi.remove(deleting.id);
      setItems((list) => list?.filter((c) => c.id !== deleting.id) ?? null);
      toast.show(`Deleted ${deleting.name}`, 'success');
      setDeleting(null);
    } catch (err) {
      toast.show(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    try {
      const body = parseConnectorFile(await file.text());
      // A file exported from this workspace (or imported twice) has a name already taken: import it
      // beside the existing one as "<name> (imported)", as cloning adds "(copy)", instead of failing.
      for (let attempt = 1; ; attempt++) {
        const name =
          attempt === 1 ? body.name : `${body.name} (imported${attempt === 2 ? '' : ` ${attempt - 1}`})`;
        try {
          const created = await connectorsApi.create({ ...body, name });
          toast.show(
            attempt === 1
              ? `Imported ${created.name}`
              : `Imported as "${created.name}": a connector named "${body.name}" already exists`,
            'success',
          );
          navigate(`/connectors/${created.id}`);
          return;
        } catch (err) {
          if (!isApiError(err, 'name_taken') || attempt >= 5) throw err;
        }
      }
    } catch (err) {
      toast.show(`Import failed: ${errorMessage(err)}`, 'error');
    }
  };

  const categories = useMemo(() => {
    const known = new Map<string, string>(CATEGORIES.map((c) => [c.value, c.label]));
    for (const c of items ?? []) if (c.category && !known.has(c.category)) known.set(c.category, c.category);
    return [...known];
  }, [items]);

  const filtered = search !== '' || category !== '';
  return (
    <div className="page">
      <PageHeader
        title="Connectors"
        description="Chains of API calls that enrich your contacts."
        actions={
          <>
            <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
              <IconUpload /> Import
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Import a connector from a JSON file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              <IconPlus /> New connector
            </button>
          </>
        }
      />
      <div className="toolbar">
        <SearchField
          label="Search connectors"
          placeholder="Search connectors"
          value={draft}
          onChange={setDraft}
        />
        <select
          className="select toolbar-select"
          aria-label="Filter by category"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
        >
          <option value="">All categories</option>
          {categories.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <ErrorAlert>
          {error}
          <button type="button" className="btn btn-sm" onClick={() => void load()}>
            Retry
          </button>
        </ErrorAlert>
      ) : null}
      {items === null ? (
        <PageLoading>Loading connectors…</PageLoading>
      ) : items.length === 0 && !error ? (
        filtered ? (
          <EmptyState
            icon={<IconSearch size={28} />}
            title="No connector matches"
            actions={
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setDraft('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                Clear filters
              </button>
            }
          >
            Try another word, or clear the search and the category filter.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<IconConnector size={28} />}
            title="Build your first connector"
            actions={
              <>
                <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                  <IconPlus /> New connector
                </button>
                <Link className="btn" to="/templates">
                  <IconTemplate /> Start from a template
                </Link>
              </>
            }
          >
            A connector calls one or more APIs — search a contact by e-mail, fetch its company — and maps the
            answers onto your contacts. Draw it on a canvas, test it, then run it on any contact.
          </EmptyState>
        )
      ) : items.length > 0 ? (
        <div className="card table-card">
          <table className="table connectors-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Category</th>
                <th>Enabled</th>
                <th className="num">Runs</th>
                <th className="num">Success</th>
                <th>Last run</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((connector) => (
                <ConnectorRow
                  key={connector.id}
                  connector={connector}
                  onToggle={(enabled) => void toggleEnabled(connector, enabled)}
                  onClone={() => void clone(connector)}
                  onExport={() => downloadConnector(connector)}
                  onDelete={() => setDeleting(connector)}
                  onRunForContacts={() => setBulk(connector)}
                />
              ))}
            </tbody>
          </table>
          <LoadMore hasMore={Boolean(cursor)} onMore={() => void loadMore()} />
        </div>
      ) : null}
      {creating ? <NewConnectorDialog onClose={() => setCreating(false)} /> : null}
      {bulk ? (
        <BulkRunDialog
          target={{ kind: 'connector', id: bulk.id, name: bulk.name }}
          onClose={() => setBulk(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          message="The connector and its run history are deleted for everyone in this workspace. This cannot be undone."
          confirmLabel="Delete connector"
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
