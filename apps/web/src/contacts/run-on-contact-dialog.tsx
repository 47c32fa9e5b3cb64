import { useState } from 'react';
import { contactsApi } from '../api/contacts.api';
import { flowsApi } from '../api/flows.api';
import { StartDialog } from '../ui/start-dialog';
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
  const start = async () => {
    if (!choice) throw new Error('Choose what to run.');
    if (choice.kind === 'connector') {
      const { executionId } = await contactsApi.runConnector(contactId, choice.id);
      return `/executions/${executionId}`;
    }
    const { flowRunId } = await flowsApi.run(choice.id, contactId);
    return `/flow-runs/${flowRunId}`;
  };
  return (
    <StartDialog
      title={kind === 'flow' ? 'Run a flow' : 'Run a connector'}
      description={`On ${contactLabel}. Its run opens as soon as it starts.`}
      startLabel="Run"
      ready={choice !== null}
      start={start}
      onClose={onClose}
    >
      <RunnablePicker
        kind={kind}
        onKind={(k) => {
          setKind(k);
          setChoice(null);
        }}
        value={choice}
        onChange={setChoice}
      />
    </StartDialog>
  );
}
