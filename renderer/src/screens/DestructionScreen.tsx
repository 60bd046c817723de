import { useEffect, useRef } from 'react';
import { useShowResultWhen } from '../forms/follow-through';
import { Pager } from '../components/Pager';
import { ScreenHeader } from '../components/ScreenHeader';
import { DESTRUCTION_PAGE } from '../../../shared/destruction/destruction-api';
import { CertificatesList } from '../destruction/CertificatesList';
import { CopiesTable } from '../destruction/CopiesTable';
import { IssueCertificateForm } from '../destruction/IssueCertificateForm';
import { DestructionWorklist } from '../destruction/DestructionWorklist';
import { RecordDestructionDialog } from '../destruction/RecordDestructionForm';
import { VerifyCertificate } from '../destruction/VerifyCertificate';
import { useDestructionStore } from '../stores/destruction-store';
import '../destruction/destruction.css';
import { RoleReason } from '../components/RoleReason';

/**
 * Destruction: the worklist of what is due and when (paged in main), recording how copies were destroyed (one form for a holding's copies, in a dialog) (with evidence and an
 * absence check), issuing the certificate of destruction, and tracking it to NHS England.
 */
export function DestructionScreen() {
  const { overview, status, error, notice, load, showCopiesPage, showCertificatesPage } = useDestructionStore();
  useEffect(() => {
    void load();
  }, [load]);
  // What was just recorded or issued is the result of the form: attention goes to it.
  const noticeLine = useRef<HTMLParagraphElement>(null);
  useShowResultWhen(noticeLine, notice);

  return (
    <>
      <ScreenHeader title="Destruction" />
      <p className="lede">Every copy, backups included, must be destroyed by its deadline and covered by a certificate of destruction signed by the data protection officers and sent to NHS England (DARS).</p>
      <p role="status" className="status-line" ref={noticeLine}>
        {notice ?? ''}
      </p>
      {error ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : null}
      {status === 'loading' && !overview ? <p>Loading…</p> : null}
      {overview ? (
        <div className="destruction-sections">
          <section aria-labelledby="destruction-pending">
            <h2 id="destruction-pending">Pending destruction</h2>
            <RoleReason action="recordDestruction" what="Recording destruction, its evidence and absence checks" />
            <DestructionWorklist />
          </section>
          <section aria-labelledby="destruction-copies">
            <h2 id="destruction-copies">Copies and their destruction</h2>
            <CopiesTable copies={overview.copies.rows} />
            <Pager label="Copies and their destruction" offset={overview.copies.offset} limit={DESTRUCTION_PAGE} total={overview.copies.total} shown={overview.copies.rows.length} onOffset={(offset) => void showCopiesPage(offset)} />
          </section>
          <section aria-labelledby="destruction-issue">
            <h2 id="destruction-issue">Certificate of destruction</h2>
            <RoleReason action="issueCertificate" what="Issuing a certificate and marking it sent or acknowledged" />
            <IssueCertificateForm versions={overview.versions} />
          </section>
          <section aria-labelledby="destruction-certificates">
            <h2 id="destruction-certificates">Certificates issued</h2>
            <CertificatesList certificates={overview.certificates.rows} today={overview.asOf} />
            <Pager label="Certificates" offset={overview.certificates.offset} limit={DESTRUCTION_PAGE} total={overview.certificates.total} shown={overview.certificates.rows.length} onOffset={(offset) => void showCertificatesPage(offset)} />
            <VerifyCertificate />
          </section>
        </div>
      ) : null}
      <RecordDestructionDialog />
    </>
  );
}
