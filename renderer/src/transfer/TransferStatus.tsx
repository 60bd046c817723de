import { useTransferStore } from '../stores/transfer-store';

/** What the last import or export did, or what is under way; problems are announced as alerts. */
export function TransferStatus() {
  const { busy, message } = useTransferStore();
  if (busy) return <p role="status" className="transfer-status muted">{busy}</p>;
  if (!message) return null;
  return message.kind === 'error' ? (
    <p role="alert" className="transfer-status error-banner">
      {message.text}
    </p>
  ) : (
    <p role="status" className="transfer-status status-line">
      {message.text}
    </p>
  );
}
