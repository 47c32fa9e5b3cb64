import { useState } from 'react';
import { type Flow, flowsApi } from '../api/flows.api';
import { FormDialog } from '../ui/form-dialog';
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
  return (
    <FormDialog
      title="New flow"
      submitLabel="Create flow"
      onSubmit={async () => {
        const flow = await flowsApi.create({
          name: name.trim() || 'Untitled flow',
          enabled: false,
          config: newFlowConfig(),
        });
        onCreated(flow);
      }}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}
