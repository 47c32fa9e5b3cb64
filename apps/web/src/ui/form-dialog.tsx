import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from './format';
import { Modal } from './modal';
import { ErrorAlert } from './page-state';

export interface FormDialogProps {
  title: string;
  description?: ReactNode;
  width?: number;
  /** The submit button's label ("Create flow", "Save credential"). */
  submitLabel: string;
  /** True while the form is not complete yet (the button also waits while it submits). */
  incomplete?: boolean;
  /** Saves what the form holds; the dialog closes or moves on from here, a throw stays in the dialog. */
  onSubmit: () => Promise<void>;
  onClose: () => void;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * A modal form that creates or saves one thing: Cancel and a submit button that waits (with a spinner)
 * while it saves, and the API's answer above the fields when saving fails, so it can be corrected.
 */
export function FormDialog({
  title,
  description,
  width = 440,
  submitLabel,
  incomplete = false,
  onSubmit,
  onClose,
  children,
}: FormDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal title={title} description={description} onClose={onClose} width={width}>
      <form onSubmit={(event) => void submit(event)}>
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        {children}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || incomplete}>
            {busy ? <span className="spinner" /> : null}
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
