import '../styles/transfer.css';
import { ExportButtons } from './ExportButtons';
import { ImportDurButton } from './ImportDurButton';
import { TransferStatus } from './TransferStatus';

/** The import and export actions each screen's header offers, with the outcome beneath them. */
export function HoldingsTransfers() {
  return (
    <>
      <ExportButtons what="holdings" label="holdings and copies" formats={['xlsx', 'csv']} />
      <ExportButtons what="holdingsReport" label="holdings audit report" formats={['pdf', 'xlsx']} />
      <TransferStatus />
    </>
  );
}

export function DashboardTransfers() {
  return (
    <>
      <ExportButtons what="findings" label="findings" formats={['xlsx', 'csv']} />
      <ExportButtons what="deadlines" label="deadlines" formats={['ics']} />
      <ExportButtons what="auditReadiness" label="audit-readiness report" formats={['pdf', 'xlsx']} />
      <TransferStatus />
    </>
  );
}

export function AgreementsTransfers() {
  return (
    <>
      <ImportDurButton />
      <TransferStatus />
    </>
  );
}

/**
 * On an agreement's page: the holdings audit report for that agreement only. The page sits inside
 * the Agreements screen, whose header already shows the outcome.
 */
export function AgreementReportButtons({ dsaId }: { dsaId: string }) {
  return <ExportButtons what="holdingsReport" label="holdings audit report" formats={['pdf', 'xlsx']} dsaId={dsaId} />;
}
