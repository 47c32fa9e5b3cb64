import type { InputField } from '@connectors/engine';
import { useState } from 'react';
import { isApiError } from '../../api/api-client';
import { type Connector, connectorsApi } from '../../api/connectors.api';
import { errorMessage } from '../../ui/format';
import { Modal } from '../../ui/modal';
import { ErrorAlert } from '../../ui/page-state';
import { useToast } from '../../ui/toast';
import { useEditorStoreApi } from '../store/editor-store';

const memoryKey = (id: string) => `connectors.test-inputs.${id}`;

function remembered(id: string): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(memoryKey(id)) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** Turns the form's text into the input's type; throws with a message for the field. */
export function coerceInput(field: InputField, text: string): unknown {
  switch (field.type) {
    case 'string':
      return text;
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n))
        throw new Error(`${field.label ?? field.name} must be a number`);
      return n;
    }
    case 'boolean':
      return text === 'true';
    default:
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(
          `${field.label ?? field.name} must be JSON (${field.type === 'array' ? '[…]' : '{…}'})`,
        );
      }
  }
}

/**
 * The test run: a form generated from the connector's inputs; saves the draft, runs `/test` (no contact
 * is written), and paints the result on the canvas.
 */
export function TestRunDialog({
  onClose,
  save,
  onFocusNode,
}: {
  onClose: () => void;
  save: (options?: { quiet?: boolean }) => Promise<Connector | null>;
  onFocusNode: (id: string) => void;
}) {
  const store = useEditorStoreApi();
  const { connectorId, meta } = store.getState();
  const fields = meta.input_schema.fields;
  const [values, setValues] = useState<Record<string, string>>(() => remembered(connectorId));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();

  const run = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const inputs: Record<string, unknown> = {};
    try {
      for (const field of fields) {
        const text = values[field.name] ?? (field.type === 'boolean' ? 'false' : '');
        if (text === '' && !field.required) continue;
        inputs[field.name] = coerceInput(field, text);
      }
    } catch (err) {
      setError(errorMessage(err));
      return;
    }
    setBusy(true);
    try {
      localStorage.setItem(memoryKey(connectorId), JSON.stringify(values));
    } catch {
      // not remembered
    }
    if (store.getState().dirty && !(await save({ quiet: true }))) {
      setBusy(false);
      setError('The connector could not be saved, so the test did not run.');
      return;
    }
    store.getState().setRunning(true);
    onClose();
    try {
      const execution = await connectorsApi.test(connectorId, inputs);
      store.getState().setRun(execution);
      const failed = execution.steps_executed?.find((s) => s.status === 'failed');
      if (failed) onFocusNode(failed.step_id);
      toast.show(`Test run: ${execution.status}`, execution.status === 'success' ? 'success' : 'error');
    } catch (err) {
      store.getState().setRunning(false);
      const detail =
        isApiError(err) && Array.isArray(err.details)
          ? ` ${(err.details as { message?: string }[])
              .map((d) => d.message)
              .filter(Boolean)
              .slice(0, 2)
              .join(' ')}`
          : '';
      toast.show(`The test could not run: ${errorMessage(err)}${detail}`, 'error');
    }
  };

  return (
    <Modal
      title="Test run"
      description="Runs the connector now with these inputs. No contact is written; the run is recorded."
      onClose={onClose}
      width={460}
    >
      <form onSubmit={run}>
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        {fields.length === 0 ? <p className="muted">This connector takes no inputs.</p> : null}
        {fields.map((field, index) => (
          <div className="field" key={field.name}>
            <label className="field-label" htmlFor={`test-${field.name}`}>
              {field.label || field.name}{' '}
              {field.required ? <span aria-hidden="true">*</span> : <span className="faint">(optional)</span>}
            </label>
            {field.type === 'boolean' ? (
              <select
                id={`test-${field.name}`}
                className="select"
                value={values[field.name] ?? 'false'}
                onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
              >
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : field.type === 'object' || field.type === 'array' ? (
              <textarea
                id={`test-${field.name}`}
                className="textarea input-mono"
                rows={3}
                value={values[field.name] ?? ''}
                placeholder={field.type === 'array' ? '[]' : '{}'}
                onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
              />
            ) : (
              <input
                id={`test-${field.name}`}
                className="input"
                type={field.type === 'number' ? 'number' : field.name.includes('email') ? 'email' : 'text'}
                required={field.required}
                value={values[field.name] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
                data-autofocus={index === 0 ? true : undefined}
              />
            )}
            {field.description ? <span className="field-hint">{field.description}</span> : null}
            <span className="faint field-hint">
              <code>{`{{input.${field.name}}}`}</code> · {field.type}
            </span>
          </div>
        ))}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? <span className="spinner" /> : null}
            Run test
          </button>
        </div>
      </form>
    </Modal>
  );
}
