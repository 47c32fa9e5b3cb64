import { useState } from 'react';
import type { Contact } from '../../api/contacts.api';
import { type Flow, flowsApi } from '../../api/flows.api';
import { ContactPicker } from '../../contacts/contact-picker';
import { StartDialog } from '../../ui/start-dialog';

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
  const start = async () => {
    if (!contact) throw new Error('Choose a contact to run the flow on.');
    const saved = await save();
    if (!saved) throw new Error('The flow could not be saved, so it was not run.');
    const { flowRunId } = await flowsApi.run(flowId, contact.id);
    return `/flow-runs/${flowRunId}`;
  };
  return (
    <StartDialog
      title="Run this flow"
      description="Choose the contact to run it on. The flow is saved first; the run opens when it starts."
      startLabel="Run on this contact"
      ready={contact !== null}
      start={start}
      onClose={onClose}
    >
      <ContactPicker value={contact?.id ?? null} onChange={setContact} />
    </StartDialog>
  );
}
