import '../styles/flows.css';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Flow, flowsApi } from '../api/flows.api';
import { BulkRunDialog } from '../contacts/bulk/bulk-run-dialog';
import { StatusBadge } from '../executions/status-badge';
import { DeleteDialog } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { errorMessage, timeAgo } from '../ui/format';
import { IconFlow, IconPlay, IconPlus, IconTrash } from '../ui/icons';
import { LoadMore } from '../ui/load-more';
import { PageHeader } from '../ui/page-header';
import { ErrorAlert, PageLoading } from '../ui/page-state';
import { Switch } from '../ui/switch';
import { useToast } from '../ui/toast';
import { usePagedList } from '../ui/use-paged-list';
import { NewFlowDialog } from './new-flow-dialog';
import { TRIGGER_LABELS } from './nodes/trigger-node';

/** The workspace's flows: create one, switch it on or off, run it on contacts, delete it. */
export function FlowsPage() {
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Flow | null>(null);
  const [bulk, setBulk] = useState<Flow | null>(null);
  const toast = useToast();
  const navigate = useNavigate();

  const query = useCallback((cursor?: string) => flowsApi.list(cursor ? { cursor } : {}), []);
  const { items, setItems, hasMore, error, loadingMore, reload: load, more } = usePagedList(query);

  const toggle = async (flow: Flow, enabled: boolean) => {
    setItems((list) => list?.map((f) => (f.id === flow.id ? { ...f, enabled } : f)) ?? null);
    try {
      const saved = await flowsApi.update(flow.id, {
        name: flow.name,
        description: flow.description,
        enabled,
        config: flow.config,
        version: flow.version,
      });
      // A save answers without `last_run` (lists only): keep the one the list read.
      setItems(
        (list) => list?.map((f) => (f.id === flow.id ? { ...saved, last_run: f.last_run } : f)) ?? null,
      );
      toast.show(enabled ? `${flow.name} is on` : `${flow.name} is off`, 'success');
    } catch (err) {
      toast.show(errorMessage(err), 'error');
      void load();
    }
  };

  const newButton = (
    <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
      <IconPlus /> New flow
    </button>
  );

  return (
    <div className="page">
      <PageHeader
        title="Flows"
        description="Automations over your contacts, built from connectors."
        actions={items?.length ? newButton : null}
      />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {items === null ? (
        <PageLoading>Loading flows…</PageLoading>
      ) : items.length === 0 ? (
        <EmptyState icon={<IconFlow size={28} />} title="No flows yet" actions={newButton}>
          <p>
            A flow starts when a contact is created or updated (or when you run it) and runs your connectors
            on it, with conditions between them and the contact updated at the end.
          </p>
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table flows-table">
            <thead>
              <tr>
                <th>Flow</th>
                <th>Starts</th>
                <th>Enabled</th>
                <th>Last run</th>
                <th>Updated</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((flow) => {
                const errors = (flow.problems ?? []).filter((p) => p.severity === 'error').length;
                const steps = flow.config.nodes?.length ?? 0;
                return (
                  <tr key={flow.id}>
                    <td>
                      <Link className="connector-name" to={`/flows/${flow.id}`}>
                        <span className="connector-icon fl-list-icon" aria-hidden="true">
                          <IconFlow />
                        </span>
                        <span className="connector-title">
                          <span className="connector-title-text">{flow.name}</span>
                          <span className="faint connector-desc">
                            {flow.description || `${steps} ${steps === 1 ? 'node' : 'nodes'}`}
                          </span>
                        </span>
                      </Link>
                      {errors > 0 ? (
                        <span className="badge badge-warning" title={flow.problems[0]?.message}>
                          Draft · {errors} {errors === 1 ? 'problem' : 'problems'}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <span className="badge" title={flow.trigger_event}>
                        {TRIGGER_LABELS[flow.trigger_event] ?? flow.trigger_event}
                      </span>
                    </td>
                    <td>
                      <Switch
                        checked={flow.enabled}
                        onChange={(on) => void toggle(flow, on)}
                        label={`Enable ${flow.name}`}
                        hideLabel
                      />
                    </td>
                    <td>
                      {flow.last_run ? (
                        <Link
                          className="fl-last-run"
                          to={`/flow-runs/${flow.last_run.id}`}
                          aria-label={`Last run of ${flow.name}: ${flow.last_run.status}, ${timeAgo(flow.last_run.created_at)}`}
                          title={flow.last_run.created_at}
                        >
                          <StatusBadge status={flow.last_run.status} />
                          <span className="faint">{timeAgo(flow.last_run.created_at)}</span>
                        </Link>
                      ) : (
                        <span className="faint">Never</span>
                      )}
                    </td>
                    <td className="faint">{timeAgo(flow.updated_at)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm btn-icon"
                        onClick={() => setBulk(flow)}
                        aria-label={`Run ${flow.name} for contacts`}
                        title="Run for contacts…"
                        disabled={errors > 0}
                      >
                        <IconPlay />
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-sm btn-icon"
                        onClick={() => setDeleting(flow)}
                        aria-label={`Delete ${flow.name}`}
                        title="Delete"
                      >
                        <IconTrash />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore hasMore={hasMore} onMore={() => void more()} loading={loadingMore} />
        </div>
      )}
      {creating ? (
        <NewFlowDialog
          onClose={() => setCreating(false)}
          onCreated={(flow) => {
            setCreating(false);
            navigate(`/flows/${flow.id}`);
          }}
        />
      ) : null}
      {bulk ? (
        <BulkRunDialog
          target={{ kind: 'flow', id: bulk.id, name: bulk.name }}
          onClose={() => setBulk(null)}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title="Delete this flow?"
          message={`${deleting.name} stops running and its run history is deleted. This cannot be undone.`}
          confirmLabel="Delete flow"
          onCancel={() => setDeleting(null)}
          remove={() => flowsApi.remove(deleting.id)}
          onDeleted={() => {
            setDeleting(null);
            toast.show('Flow deleted', 'success');
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
