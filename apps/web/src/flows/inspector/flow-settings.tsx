import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { type FlowRun, flowsApi } from '../../api/flows.api';
import { Section } from '../../editor/inspector/section';
import type { ConnectorMeta } from '../../editor/store/editor-state';
import { useEditorStore } from '../../editor/store/editor-store';
import { StatusBadge } from '../../executions/status-badge';
import { timeAgo } from '../../ui/format';
import { Switch } from '../../ui/switch';

/** The flow's own settings, shown when nothing is selected: name, description, on/off, recent runs. */
export function FlowSettings({ refreshKey }: { refreshKey: number }) {
  const { meta, updateMeta, flowId } = useEditorStore(
    useShallow((s) => ({ meta: s.meta, updateMeta: s.updateMeta, flowId: s.connectorId })),
  );
  const set = (patch: Partial<ConnectorMeta>, key?: string) =>
    updateMeta(patch, key ? { coalesce: `meta.${key}` } : undefined);
  return (
    <div className="insp-scroll">
      <header className="insp-head">
        <div>
          <h2>Flow settings</h2>
          <p className="faint">Select a node or an edge on the canvas to edit it.</p>
        </div>
      </header>
      <Section title="General">
        <div className="field">
          <label className="field-label" htmlFor="flow-name">
            Name
          </label>
          <input
            id="flow-name"
            className="input"
            value={meta.name}
            onChange={(e) => set({ name: e.target.value }, 'name')}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="flow-description">
            Description
          </label>
          <textarea
            id="flow-description"
            className="input textarea"
            rows={2}
            value={meta.description}
            onChange={(e) => set({ description: e.target.value }, 'description')}
          />
        </div>
        <Switch
          checked={meta.enabled}
          onChange={(enabled) => set({ enabled })}
          label={meta.enabled ? 'Enabled: runs on its trigger' : 'Disabled: runs only by hand'}
        />
      </Section>
      <Section title="Recent runs">
        <RecentRuns flowId={flowId} refreshKey={refreshKey} />
      </Section>
    </div>
  );
}

function RecentRuns({ flowId, refreshKey }: { flowId: string; refreshKey: number }) {
  const [runs, setRuns] = useState<FlowRun[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey asks for a reload after a run
  useEffect(() => {
    let live = true;
    flowsApi
      .runs(flowId, { limit: 8 })
      .then((page) => live && setRuns(page.data))
      .catch(() => live && setRuns([]));
    return () => {
      live = false;
    };
  }, [flowId, refreshKey]);
  if (runs === null) return <p className="faint">Loading…</p>;
  if (runs.length === 0)
    return <p className="faint kv-empty">No runs yet. Use Run to try it on a contact.</p>;
  return (
    <ul className="fl-run-list">
      {runs.map((run) => (
        <li key={run.id}>
          <Link to={`/flow-runs/${run.id}`} className="fl-run-link">
            <StatusBadge status={run.status} />
            <span className="faint">{timeAgo(run.started_at ?? run.created_at ?? null)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
