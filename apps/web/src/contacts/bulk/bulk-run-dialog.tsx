import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type BulkStarted, type BulkTarget, bulkRunsApi, searchTarget } from '../../api/bulk-runs.api';
import { type Connector, connectorsApi } from '../../api/connectors.api';
import { type Flow, flowsApi } from '../../api/flows.api';
import { errorMessage } from '../../ui/format';
import { Modal } from '../../ui/modal';
import { ErrorAlert } from '../../ui/page-state';
import { BulkProgress } from './bulk-progress';

/** A connector or a flow to run on many contacts. */
export interface Runnable {
  kind: 'connector' | 'flow';
  id: string;
  name: string;
}

export interface BulkRunDialogProps {
  /** What to run; when absent the dialog asks (from the contacts list). */
  target?: Runnable;
  /** On which contacts, with how to say it ("3 selected contacts"); when absent the dialog asks. */
  contacts?: { target: BulkTarget; label: string };
  /** Start with a connector or a flow when the dialog asks which. */
  initialKind?: Runnable['kind'];
  onClose: () => void;
}

/**
 * "Run connector…" / "Run flow…" on many contacts: choose what (or on which contacts), start, and watch
 * the progress until the summary. The runs go on if the dialog is closed.
 */
export function BulkRunDialog({ target, contacts, initialKind = 'connector', onClose }: BulkRunDialogProps) {
  const [kind, setKind] = useState<Runnable['kind']>(target?.kind ?? initialKind);
  const [choice, setChoice] = useState<Runnable | null>(target ?? null);
  const [search, setSearch] = useState('');
  const [started, setStarted] = useState<BulkStarted | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [finished, setFinished] = useState(false);

  const start = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      const on: BulkTarget = contacts?.target ?? searchTarget(search);
      const result =
        choice.kind === 'connector'
          ? await bulkRunsApi.connector(choice.id, on)
          : await bulkRunsApi.flow(choice.id, on);
      setStarted(result);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const onWhat = contacts?.label ?? (search.trim() ? `contacts matching “${search.trim()}”` : 'all contacts');
  return (
    <Modal
      title={target ? `Run ${target.name} for contacts` : kind === 'flow' ? 'Run a flow' : 'Run a connector'}
      description={
        started
          ? `${choice?.name} is running on ${started.total} ${started.total === 1 ? 'contact' : 'contacts'}. You can close this: the runs go on.`
          : `Runs on ${onWhat}, one run per contact, in the background.`
      }
      onClose={onClose}
      width={520}
      footer={
        started ? (
          <>
            <Link className="btn" to="/executions">
              Open Executions
            </Link>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {finished ? 'Done' : 'Close'}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!choice || busy}
              onClick={() => void start()}
            >
              {busy ? 'Starting…' : `Run on ${onWhat}`}
            </button>
          </>
        )
      }
    >
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {started ? (
        <BulkProgress
          bulkRunId={started.bulkRunId}
          total={started.total}
          onFinished={() => setFinished(true)}
        />
      ) : (
        <>
          {target ? null : (
            <RunnablePicker
              kind={kind}
              onKind={(k) => {
                setKind(k);
                setChoice(null);
              }}
              value={choice}
              onChange={setChoice}
            />
          )}
          {contacts ? null : (
            <div className="field">
              <label className="field-label" htmlFor="bulk-search">
                Contacts
              </label>
              <input
                id="bulk-search"
                className="input"
                type="search"
                placeholder="All contacts, or those matching a name or e-mail"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <span className="field-hint">Leave empty to run on every contact of the workspace.</span>
            </div>
          )}
        </>
      )}
    </Modal>
  );
}

/** Choose a connector or a flow of the workspace. */
export function RunnablePicker({
  kind,
  onKind,
  value,
  onChange,
}: {
  kind: Runnable['kind'];
  onKind: (kind: Runnable['kind']) => void;
  value: Runnable | null;
  onChange: (r: Runnable | null) => void;
}) {
  const [items, setItems] = useState<(Connector | Flow)[] | null>(null);
  useEffect(() => {
    let live = true;
    setItems(null);
    const load = kind === 'connector' ? connectorsApi.list({ limit: 100 }) : flowsApi.list({ limit: 100 });
    load.then((page) => live && setItems(page.data)).catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [kind]);
  return (
    <>
      <div className="segmented" role="radiogroup" aria-label="Run">
        {(['connector', 'flow'] as const).map((k) => (
          <label key={k} className={`segmented-item${kind === k ? ' is-on' : ''}`}>
            <input type="radio" name="bulk-kind" checked={kind === k} onChange={() => onKind(k)} />
            {k === 'connector' ? 'Connector' : 'Flow'}
          </label>
        ))}
      </div>
      <div className="field">
        <label className="field-label" htmlFor="bulk-runnable">
          {kind === 'connector' ? 'Connector to run' : 'Flow to run'}
        </label>
        <select
          id="bulk-runnable"
          className="select"
          value={value?.id ?? ''}
          disabled={items === null}
          onChange={(e) => {
            const item = items?.find((i) => i.id === e.target.value);
            onChange(item ? { kind, id: item.id, name: item.name } : null);
          }}
        >
          <option value="">{items === null ? 'Loading…' : `Choose a ${kind}…`}</option>
          {(items ?? []).map((item) => (
            <option key={item.id} value={item.id}>
              {'icon' in item && item.icon ? `${item.icon} ` : ''}
              {item.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
