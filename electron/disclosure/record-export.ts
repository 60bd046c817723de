import type { RegisterConnection } from '../db/register-connection';
import type { DisclosureReportHead } from '../../shared/disclosure/report';
import type { ReleasedTable } from '../../shared/disclosure/released-table';
import { appendAudit, type AuditActor, type StoredAuditEntry } from '../register/audit-log';
import { saveRelease } from './released-tables';

/**
 * Records a disclosure export in the register's tamper-evident audit log, with the hashes from the
 * report, so an auditor can match a file found later to the rules it was published under. Only
 * file names, hashes, counts and the profile go in: never a count from the table.
 */
export function recordDisclosureExport(
  db: RegisterConnection,
  actor: AuditActor,
  report: DisclosureReportHead,
  files: { reportFile: string | null; holdingId: string | null },
  release: ReleasedTable | null = null,
): StoredAuditEntry {
  const detail = {
    input: { file: report.input.file, sha256: report.input.sha256, format: report.input.format, sheet: report.input.sheet },
    output: report.output,
    report: files.reportFile,
    profile: { id: report.profile.id, version: report.profile.version },
    holdingId: files.holdingId,
    summary: {
      rows: report.summary.rows,
      primarySuppressions: report.summary.primarySuppressions,
      complementarySuppressions: report.summary.complementarySuppressions,
      rounded: report.summary.rounded,
    },
    audit: {
      status: report.audit.status,
      protectionWidth: report.audit.protectionWidth,
      primaryCellsChecked: report.audit.primaryCellsChecked,
      linkedReleases: report.audit.linkedReleases.map((r) => ({ name: r.name, linked: r.linked })),
    },
  };
  // The release is kept with its audit entry or not at all: later tables are audited against it.
  return db.transaction(() => {
    const entry = appendAudit(db, actor, { action: 'export', recordKind: 'disclosureTable', recordId: files.holdingId, before: null, after: null, detail });
    if (release && files.holdingId && report.output) saveRelease(db, files.holdingId, entry.seq, report.output.sha256, release);
    return entry;
  })();
}
