import { useShallow } from 'zustand/react/shallow';
import { CATEGORIES } from '../../connectors/categories';
import { Section } from '../inspector/section';
import type { ConnectorMeta } from '../store/editor-state';
import { useEditorStore } from '../store/editor-store';
import { InputSchemaEditor } from './input-schema-editor';

/** The connector's settings, shown when nothing is selected: identity, inputs and run behaviour. */
export function SettingsPanel({ onFocusNode }: { onFocusNode: (id: string) => void }) {
  const { meta, updateMeta, nodeCount } = useEditorStore(
    useShallow((s) => ({ meta: s.meta, updateMeta: s.updateMeta, nodeCount: s.nodes.length })),
  );
  const set = (patch: Partial<ConnectorMeta>, key?: string) =>
    updateMeta(patch, key ? { coalesce: `meta.${key}` } : undefined);
  const known = CATEGORIES.some((c) => c.value === meta.category);
  return (
    <div className="insp-scroll">
      <header className="insp-head">
        <div>
          <h2>Connector settings</h2>
          <p className="faint">Select a node or an edge on the canvas to edit it.</p>
        </div>
      </header>
      {nodeCount === 0 ? (
        <div className="alert alert-info insp-tip">
          Drag an HTTP request from the left onto the canvas to begin.
        </div>
      ) : null}
      <Section title="General">
        <div className="form-row">
          <div className="field" style={{ width: 64 }}>
            <label className="field-label" htmlFor="meta-icon">
              Icon
            </label>
            <input
              id="meta-icon"
              className="input icon-input"
              value={meta.icon}
              maxLength={8}
              onChange={(e) => set({ icon: e.target.value }, 'icon')}
            />
          </div>
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor="meta-name">
              Name
            </label>
            <input
              id="meta-name"
              className="input"
              value={meta.name}
              onChange={(e) => set({ name: e.target.value }, 'name')}
            />
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="meta-description">
            Description
          </label>
          <textarea
            id="meta-description"
            className="textarea"
            rows={2}
            value={meta.description}
            onChange={(e) => set({ description: e.target.value }, 'description')}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="meta-category">
            Category
          </label>
          <select
            id="meta-category"
            className="select"
            value={meta.category}
            onChange={(e) => set({ category: e.target.value })}
          >
            {!known && meta.category ? <option value={meta.category}>{meta.category}</option> : null}
            <option value="">Uncategorised</option>
            {CATEGORIES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </Section>
      <Section title="Inputs">
        <p className="field-hint">
          What a run is given, read as <code>{'{{input.name}}'}</code>. A missing input falls back to the
          contact's field of the same name.
        </p>
        <InputSchemaEditor
          schema={meta.input_schema}
          onChange={(input_schema) => set({ input_schema }, 'inputs')}
        />
      </Section>
      <Section title="Running">
        <div className="form-row">
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor="meta-timeout">
              Run timeout (ms)
            </label>
            <input
              id="meta-timeout"
              className="input"
              type="number"
              min={1000}
              max={900000}
              step={1000}
              value={meta.timeout_ms}
              onChange={(e) =>
                Number.isFinite(e.target.valueAsNumber) &&
                set({ timeout_ms: e.target.valueAsNumber }, 'timeout')
              }
            />
          </div>
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor="meta-retries">
              Max retries
            </label>
            <input
              id="meta-retries"
              className="input"
              type="number"
              min={0}
              max={10}
              value={meta.max_retries}
              onChange={(e) =>
                Number.isFinite(e.target.valueAsNumber) &&
                set({ max_retries: e.target.valueAsNumber }, 'retries')
              }
            />
          </div>
        </div>
        <span className="field-hint">
          The timeout bounds a whole run. Retries apply to HTTP nodes without their own attempts setting.
        </span>
        <label className="checkbox settings-check">
          <input
            type="checkbox"
            checked={meta.continue_on_error}
            onChange={(e) => set({ continue_on_error: e.target.checked })}
          />
          <span>
            Continue on error — a failed step does not stop the others; the run ends <em>partial</em>
          </span>
        </label>
        <label className="checkbox settings-check">
          <input
            type="checkbox"
            checked={meta.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          <span>Enabled — live runs are allowed (test runs always are)</span>
        </label>
      </Section>
      <SettingsProblems onFocusNode={onFocusNode} />
    </div>
  );
}

function SettingsProblems({ onFocusNode }: { onFocusNode: (id: string) => void }) {
  const count = useEditorStore((s) => s.errorCount);
  const first = useEditorStore((s) => s.problems.find((p) => p.severity === 'error'));
  if (!count || !first) return null;
  return (
    <div className="alert alert-warning insp-tip" role="status">
      <span>
        {count} {count === 1 ? 'problem keeps' : 'problems keep'} this connector from running. First:{' '}
        {first.message}
      </span>
      {first.nodeId ? (
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => first.nodeId && onFocusNode(first.nodeId)}
        >
          Show
        </button>
      ) : null}
    </div>
  );
}
