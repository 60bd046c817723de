import { useState, type ReactNode } from 'react';
import { Modal } from './Modal';

/**
 * Asks before a change that matters (archiving a record). The confirming button names the action;
 * a refusal from the register is shown here, so the user knows nothing happened and why.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  /** Resolves to an error message, or null when done. */
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const problem = await onConfirm();
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };
  return (
    <Modal title={title} onClose={onClose}>
      <div className="modal-body">{children}</div>
      {error ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : null}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onClose} data-autofocus="">
          Cancel
        </button>
      </div>
    </Modal>
  );
}
