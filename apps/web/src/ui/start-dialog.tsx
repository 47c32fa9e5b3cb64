import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from './format';
import { Modal } from './modal';
import { ErrorAlert } from './page-state';

export interface StartDialogProps {
  title: string;
  description: ReactNode;
  /** The primary button's label ("Run", "Run on this contact"). */
  startLabel: string;
  /** False until the dialog has what it needs (a contact, a flow): the button waits. */
  ready: boolean;
  /** Starts the run and answers the path of the page to open on it. */
  start: () => Promise<string>;
  onClose: () => void;
  /** What to choose. */
  children: ReactNode;
}

/**
 * A dialog that starts one run and opens its page as soon as it starts, where it can be watched step
 * by step; a failure to start stays in the dialog, which can be tried again.
 */
export function StartDialog({
  title,
  description,
  startLabel,
  ready,
  start,
  onClose,
  children,
}: StartDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const run = async () => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      navigate(await start());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      description={description}
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
            disabled={!ready || busy}
            onClick={() => void run()}
          >
            {busy ? 'Starting…' : startLabel}
          </button>
        </>
      }
    >
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {children}
    </Modal>
  );
}
