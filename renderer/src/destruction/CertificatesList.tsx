import { useId, useState } from 'react';
import type { CertificateSummary } from '../../../shared/destruction/destruction-api';
import { formatDate } from '../../../shared/register/format-date';
import { useDestructionStore } from '../stores/destruction-store';
import { useActionLock } from '../stores/register-identity-store';
import { SignCertificateDialog } from './SignCertificateDialog';

function statusText(c: CertificateSummary): string {
  if (c.status === 'acknowledged') return `Acknowledged ${formatDate(c.acknowledgedDate!)}${c.acknowledgementReference ? ` (${c.acknowledgementReference})` : ''}`;
  if (c.status === 'sent') return `Sent to DARS ${formatDate(c.sentDate!)}`;
  return 'Issued, not sent';
}

/** Certificates issued, their hash, and recording when each was sent to DARS and acknowledged. */
export function CertificatesList({ certificates, today }: { certificates: CertificateSummary[]; today: string }) {
  if (certificates.length === 0) return <p className="destruction-empty">No certificates of destruction have been issued.</p>;
  return (
    <table className="destruction-table">
      <caption className="visually-hidden">Certificates of destruction</caption>
      <thead>
        <tr>
          <th scope="col">Certificate</th>
          <th scope="col">Agreement and holdings</th>
          <th scope="col">Status</th>
          <th scope="col">SHA-256</th>
          <th scope="col">Update status</th>
        </tr>
      </thead>
      <tbody>
        {certificates.map((c) => (
          <tr key={c.id}>
            <td>
              <strong>{c.number}</strong>
              <div className="hint">Issued {formatDate(c.issuedDate)}</div>
            </td>
            <td>
              {c.agreement}
              <div className="hint">{c.holdings.join(', ')}</div>
            </td>
            <td>
              <span className={`destruction-badge ${c.status === 'acknowledged' ? 'is-ok' : c.status === 'sent' ? 'is-neutral' : 'is-warning'}`}>{statusText(c)}</span>
            </td>
            <td className="destruction-hash" title={c.contentHash ?? ''}>
              {c.contentHash ? `${c.contentHash.slice(0, 12)}…` : '—'}
            </td>
            <td>
              <StatusUpdate certificate={c} today={today} />
              <SignAction certificate={c} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusUpdate({ certificate, today }: { certificate: CertificateSummary; today: string }) {
  const { markSent, markAcknowledged } = useDestructionStore();
  const lock = useActionLock('issueCertificate');
  const id = useId();
  const [date, setDate] = useState(today);
  const [reference, setReference] = useState('');
  if (certificate.status === 'acknowledged') return <span className="hint">Complete</span>;
  const sending = certificate.status === 'issued';
  return (
    <div className="destruction-status-update">
      <label htmlFor={`${id}-date`}>{sending ? `Date ${certificate.number} was sent` : `Date ${certificate.number} was acknowledged`}</label>
      <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      {sending ? null : (
        <>
          <label htmlFor={`${id}-ref`}>DARS reference</label>
          <input id={`${id}-ref`} value={reference} onChange={(e) => setReference(e.target.value)} />
        </>
      )}
      <button type="button" onClick={() => void (sending ? markSent(certificate.id, date) : markAcknowledged(certificate.id, date, reference))} {...lock}>
        {sending ? 'Mark sent' : 'Mark acknowledged'}
      </button>
    </div>
  );
}

/** Opens the digital signing dialog for one certificate; the screen's status line says what was signed. */
function SignAction({ certificate }: { certificate: CertificateSummary }) {
  const [open, setOpen] = useState(false);
  const showNotice = useDestructionStore((s) => s.showNotice);
  const lock = useActionLock('signCertificate');
  return (
    <>
      <button type="button" className="destruction-sign" onClick={() => setOpen(true)} {...lock}>
        Sign {certificate.number}…
      </button>
      {open ? <SignCertificateDialog certificate={certificate} onClose={() => setOpen(false)} onSigned={showNotice} /> : null}
    </>
  );
}
