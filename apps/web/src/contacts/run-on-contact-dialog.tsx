import { useState } from 'react';
import { useNavigate } from 'react-router';
import { contactsApi } from '../api/contacts.api';
import { flowsApi } from '../api/flows.api';
import { errorMessage } from '../ui/format';
import { Modal } from '../ui/modal';
import { type Runnable, RunnablePicker } from './bulk/bulk-run-dialog';

/**
 * Runs one connector or flow on one contact and opens its run view, where it can be watched step by
 * step (a bulk run is for many contacts; for one, the run itself is what one wants to see).
 */
export function RunOnContactDialog({
  contactId,
  contactLabel,
  initialKind,
  onClose,
}: {
  contactId: string;
  contactLabel: string;
  initialKind: Runnable['kind'];
  onClose: () => void;
}) {
  const [kind, setKind] = useState(initialKind);
  const [choice, setChoice] = useState<Runnable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const start = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      if (choice.kind === 'connector') {
        const { executionId } = await contactsApi.runConnector(contactId, choice.id);
        navigate(`/executions/${executionId}`);
      } else {
        const { flowRunId } = await flowsApi.run(choice.id, contactId);
        navigate(`/flow-runs/${flowRunId}`);
      }
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal
      title={kind === 'flow' ? 'Run a flow' : 'Run a connector'}
      description={`On ${contactLabel}. Its run opens as soon as it starts.`}
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
            disabled={!choice || busy}
            onClick={() => void start()}
          >
            {busy ? 'Starting…' : 'Run'}
          </button>
        </>
      }
    >
      {error ? (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      ) : null}
      <RunnablePicker
        kind={kind}
        onKind={(k) => {
          setKind(k);
          setChoice(null);
        }}
        value={choice}
        onChange={setChoice}
      />
    </Modal>
  );
}
