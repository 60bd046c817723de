import { useAuditStore } from '../../stores/audit-store';

/**
 * Recomputes the audit log's SHA-256 chain and says whether it is intact, or which entry was the
 * first to be edited, deleted or reordered. An intact chain shows its head (SEQ:HASH): the chain
 * alone cannot see its newest entries cut back, so the head is what a user keeps elsewhere to check.
 */
export function ChainCheck() {
  const { verification, verifying, verifyError, verify } = useAuditStore();
  return (
    <div className="chain-check">
      <button type="button" onClick={() => void verify()} disabled={verifying}>
        {verifying ? 'Verifying…' : 'Verify chain'}
      </button>
      <div role="status" className="chain-result">
        {verifyError ? <p className="error-banner">{verifyError}</p> : null}
        {verification?.intact ? (
          <p className="ok-banner">
            The chain is intact: all {verification.entries} entries check out, up to entry {verification.lastSeq}.
          </p>
        ) : null}
        {verification?.intact && verification.head ? (
          <p className="hint">
            Head: <code className="audit-head">{`${verification.head.seq}:${verification.head.hash}`}</code>. Keep it somewhere this register
            cannot reach: <code>{`custodian audit verify --expect ${verification.head.seq}:${verification.head.hash}`}</code> later proves that
            nothing up to this entry was removed or rewritten.
          </p>
        ) : null}
        {verification && !verification.intact ? (
          <p className="error-banner">
            The chain is broken at entry {verification.problem?.seq}: {verification.problem?.message} Keep a copy of this register file and tell
            whoever audits it; do not edit it further.
          </p>
        ) : null}
      </div>
    </div>
  );
}
