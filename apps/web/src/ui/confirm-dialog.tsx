import type { ReactNode } from 'react';
import { errorMessage } from './format';
import { Modal } from './modal';
import { useToast } from './toast';

export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" with the consequence spelled out; the safe choice (Cancel) has the focus. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Modal
      title={title}
      onClose={onCancel}
      width={420}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'btn btn-danger' : 'btn btn-primary'}
            onClick={onConfirm}
            disabled={busy}
          >
            {busy ? <span className="spinner" /> : null}
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Modal>
  );
}

export interface DeleteDialogProps extends Omit<ConfirmDialogProps, 'onConfirm' | 'danger'> {
  /** Deletes the thing; a failure is shown as a toast and the dialog stays open. */
  remove: () => Promise<unknown>;
  /** After a successful delete (close the dialog, reload the list). */
  onDeleted: () => void;
}

/** The lists' "Delete …?" dialog: confirms, deletes, and reports a failure without losing the dialog. */
export function DeleteDialog({ remove, onDeleted, ...props }: DeleteDialogProps) {
  const toast = useToast();
  return (
    <ConfirmDialog
      {...props}
      danger
      onConfirm={async () => {
        try {
          await remove();
          onDeleted();
        } catch (err) {
          toast.show(errorMessage(err), 'error');
        }
      }}
    />
  );
}
