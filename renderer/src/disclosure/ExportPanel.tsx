import type { DisclosureJobStatus } from '../../../shared/disclosure/disclosure-api';
import { useDisclosureStore } from '../stores/disclosure-store';
import { useActionLock } from '../stores/register-identity-store';
import { RoleReason } from '../components/RoleReason';
import { ProgressPanel } from './ProgressPanel';
import { ReportView } from './ReportView';

/** Step 4: export the published table (values only) with its report beside it. */
export function ExportPanel({ preview, stale }: { preview: DisclosureJobStatus; stale: boolean }) {
  const { exportJob, exportAs, cancel, holdingId } = useDisclosureStore();
  // Against a holding the release is kept in the register as well as the audit entry: fewer roles may write it.
  const lock = useActionLock(holdingId ? 'exportDisclosureAgainstHolding' : 'exportDisclosure');
  const result = preview.result!;
  const refused = result.refusal !== null;
  const running = exportJob?.state === 'running';
  const disabled = refused || stale || running;
  const done = exportJob?.state === 'done' && exportJob.files ? exportJob : null;
  return (
    <section className="disclosure-step" aria-labelledby="disclosure-export-heading">
      <h2 id="disclosure-export-heading">4. Export</h2>
      <p className="hint">
        Values only: no formulas, hidden sheets or comments; text that a spreadsheet would run as a formula is neutralised. A legend names the profile
        and the marker, and the JSON report is saved beside the table.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" disabled={disabled} {...lock} onClick={() => void exportAs('csv')}>
          Export CSV…
        </button>
        <button type="button" disabled={disabled} {...lock} onClick={() => void exportAs('xlsx')}>
          Export XLSX…
        </button>
        <RoleReason action={holdingId ? 'exportDisclosureAgainstHolding' : 'exportDisclosure'} what={holdingId ? 'Exporting against a holding' : 'Exporting'} />
        {refused ? <p className="hint">Export is refused: the attacker’s audit failed.</p> : stale ? <p className="hint">Preview again first.</p> : null}
      </div>
      {exportJob && running ? <ProgressPanel job={exportJob} label="Export progress" onCancel={() => void cancel()} /> : null}
      {exportJob?.state === 'cancelled' ? <p role="status">Export cancelled. Nothing was written.</p> : null}
      {exportJob?.state === 'failed' ? (
        <p role="alert" className="error-banner">
          {exportJob.error}
        </p>
      ) : null}
      {done ? (
        <div className="export-done" role="status">
          <p>
            Saved <strong>{done.files!.output}</strong> and <strong>{done.files!.report}</strong> in {done.files!.folder}.
            {done.auditEntry !== null ? ` Recorded in the audit log as entry ${done.auditEntry}.` : ''}
          </p>
          <p className="hash">SHA-256 {done.result!.report.output!.sha256}</p>
        </div>
      ) : null}
      <ReportView job={done ?? preview} />
    </section>
  );
}
