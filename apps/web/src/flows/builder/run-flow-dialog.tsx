import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Contact } from '../../api/contacts.api';
import { type Flow, flowsApi } from '../../api/flows.api';
import { ContactPicker } from '../../contacts/contact-picker';
import { errorMessage } from '../../ui/format';
import { Modal } from '../../ui/modal';

/**
 * "Run" on one chosen contact: saves the flow first (a run takes the saved version), starts it and opens
 * the run view, where each node's status appears as it runs.
 */
export function RunFlowDialog({
  flowId,
  onClose,
  save,
}: {
  flowId: string;
  onClose: () => void;
  save: () => Promise<Flow | null>;
}) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const start = async () => {
    if (!contact) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await save();
      if (!saved) throw new Error('The flow could not be saved, so it was not run.');
      const { flowRunId } = await flowsApi.run(flowId, contact.id);
      navigate(`/flow-runs/${flowRunId}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal
      title="Run this flow"
      description="Choose the contact to run it on. The flow is saved first; the run opens when it starts."
      onClose={onClose}
      width={480}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!contact || busy}
            onClick={() => void start()}
          >
            {busy ? 'Starting…' : 'Run on this contact'}
          </button>
        </>
      }
    >
      {error ? (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      ) : null}
      <ContactPicker value={contact?.id ?? null} onChange={setContact} />
    </Modal>
  );
}
