import { useState } from 'react';
import { type Flow, flowsApi } from '../api/flows.api';
import { errorMessage } from '../ui/format';
import { Modal } from '../ui/modal';
import { newFlowConfig } from './builder/flow-nodes';

/** Names a new flow; it starts with its trigger ("when a contact is created") and opens on the canvas. */
export function NewFlowDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (flow: Flow) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title="New flow" onClose={onClose} width={440}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            const flow = await flowsApi.create({
              name: name.trim() || 'Untitled flow',
              enabled: false,
              config: newFlowConfig(),
            });
            onCreated(flow);
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        {error ? (
          <div className="alert alert-danger" role="alert">
            {error}
          </div>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor="flow-new-name">
            Name
          </label>
          <input
            id="flow-new-name"
            className="input"
            value={name}
            placeholder="Enrich new contacts"
            onChange={(e) => setName(e.target.value)}
            data-autofocus
          />
          <span className="field-hint">
            It starts disabled, with a trigger on new contacts. Switch it on when it is ready.
          </span>
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Create flow
          </button>
        </div>
      </form>
    </Modal>
  );
}
