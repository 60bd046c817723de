import type { RegisterConnection } from '../db/register-connection';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { formatsByExport, type ExportFormat, type ExportKind } from '../../shared/exports/exports-api';
import { toICalendar } from '../../shared/exports/icalendar';
import { clockMomentFor, mergeFindings } from '../../shared/incidents/incident-findings';
import { UserFacingError } from '../../shared/ipc/result';
import type { IsoDate } from '../../shared/register/dates';
import type { Finding } from '../../shared/register/findings';
import { upcomingDeadlines } from '../../shared/register/deadlines';
import type { RegisterContent } from '../../shared/register/snapshot';
import { buildHoldingsReport, type HoldingsReportModel } from '../../shared/reports/holdings-report-model';
import { readSettings } from '../db/settings-repository';
import { sha256OfFile } from '../files/file-digest';
import { isRegisterFile } from '../files/same-file';
import { crashPoint } from '../files/crash-point';
import { settleTemporaryFiles } from '../files/settle-temporary-files';
import { temporaryPathFor } from '../files/write-file-atomic';
import { withStatuses } from '../findings/finding-status-service';
import { incidentFindings } from '../incidents/incident-findings-source';
import { formatAnchor, type AuditAnchor } from '../../shared/audit/audit-anchor';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { readAuditHead } from '../register/audit-head';
import { loadRegister } from '../register/load-register';
import { storedRegisterFindings } from '../register/register-findings';
import { renderHoldingsReportPdf } from '../reports/holdings/holdings-report-pdf';
import { holdingsReportSheets } from '../reports/holdings/holdings-report-sheets';
import { renderAuditReadinessPdf } from '../reports/audit-readiness/audit-readiness-pdf';
import { auditReadinessSheets } from '../reports/audit-readiness/audit-readiness-sheets';
import { buildAuditReadiness } from '../../shared/reports/audit-readiness-model';
import { deadlineEvents } from './deadline-events';
import type { ExportMeta } from './export-meta';
import { findingsSheets } from './findings-sheets';
import { holdingsSheets } from './holdings-sheets';
import { writeTableFile } from './table-file';

export interface ExportRequest {
  what: ExportKind;
  /** The file to write; its extension decides the format. */
  path: string;
  asOf: IsoDate;
  /** Holdings and the holdings report: one agreement, by record id or NIC reference. */
  agreement?: { id: string } | { nicReference: string };
  /** Deadlines: how many days ahead (default three years). */
  days?: number;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  sha256: string;
}

export const DEFAULT_DEADLINE_DAYS = 1096;

/**
 * Writes one export (findings, holdings, deadlines, the holdings audit report, the audit-readiness report) and records it in
 * the audit log: what, which file (by name) and its SHA-256, never its contents. The file is made
 * under a temporary name beside the target and renamed into place once its audit entry is
 * committed, so there is never a half-written file, nor an export without its entry.
 * Refuses a path that is the register itself, or whose extension is not a format of that export.
 */
export async function runExport(db: RegisterConnection, actor: AuditActor, registerPath: string, request: ExportRequest): Promise<ExportResult> {
  const format = checkOutputPath(request.what, request.path, registerPath);
  settleTemporaryFiles(db, dirname(request.path));
  // The register and the audit head from one snapshot, so the head printed is the log the report reflects.
  const { register, head } = db.transaction(() => ({ register: loadRegister(db), head: readAuditHead(db) }))();
  const agreement = request.agreement ? findAgreement(register, request.agreement) : null;
  const meta: ExportMeta = {
    title: titles[request.what],
    asOf: request.asOf,
    generatedAt: actor.now(),
    organisationName: readSettings(db).organisationName,
    details: [auditHeadDetail(head)],
  };
  const temporary = temporaryPathFor(request.path);
  try {
    // The findings export is the findings list on paper: the incident clocks are findings too.
    // With their statuses on the export's date, so the paper copy says which are acknowledged or accepted.
    const allFindings = () => [...withStatuses(db, mergeFindings(storedRegisterFindings(db, register, request.asOf), incidentFindings(db, clockMomentFor(request.asOf, actor.now()))), request.asOf)];
    await produce(request, format, register, allFindings, () => storedRegisterFindings(db, register, request.asOf), agreement?.nicReference ?? null, meta, temporary);
    const sha256 = sha256OfFile(temporary);
    crashPoint('export:written');
    // The entry is committed before the file takes its name: a run killed in between leaves a
    // temporary file the register knows about, which the next export into this folder finishes
    // (settleTemporaryFiles). The other order left a finished file with no audit entry.
    db.transaction(() => {
      appendAudit(db, actor, {
        action: 'export',
        recordKind: agreement ? 'dsa' : 'register',
        recordId: agreement?.id ?? null,
        before: null,
        after: null,
        detail: { export: request.what, format, file: basename(request.path), sha256, asOf: request.asOf },
      });
    }).immediate();
    crashPoint('export:committed');
    renameSync(temporary, request.path);
    return { path: request.path, format, sha256 };
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Every report states the audit chain's head when it was made: once the report has left the
 * organisation it is an anchor, and `audit verify --expect` shows whether the log was cut back since.
 */
export function auditHeadDetail(head: AuditAnchor | null): [string, string] {
  if (!head) return ['Audit log head', 'The audit log was empty'];
  return ['Audit log head', `Entry ${head.seq}, SHA-256 ${head.hash}; check later with: custodian audit verify --expect ${formatAnchor(head)}`];
}

const titles: Record<ExportKind, string> = {
  findings: 'Compliance findings',
  holdings: 'Holdings and every copy with its location',
  deadlines: 'Register deadlines',
  holdingsReport: 'Holdings audit report',
  auditReadiness: 'Audit-readiness report',
};

/** The format the file name asks for, checked against what this export can be, and never the register. */
export function checkOutputPath(what: ExportKind, path: string, registerPath: string): ExportFormat {
  const allowed = formatsByExport[what];
  const extension = extname(path).toLowerCase().slice(1) as ExportFormat;
  if (!allowed.includes(extension)) {
    throw new UserFacingError('BAD_REQUEST', `${path}: the ${titles[what].toLowerCase()} can be written as ${allowed.map((f) => `.${f}`).join(' or ')}; end the file name with one of those`);
  }
  if (isRegisterFile(path, registerPath)) {
    throw new UserFacingError('REFUSED', `${path} is the register itself; choose another file name so the register is not overwritten`);
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserFacingError('BAD_REQUEST', `${path}: the folder ${folder} does not exist; create it or choose another place`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new UserFacingError('BAD_REQUEST', `${path} is a folder; give a file name`);
  }
  return extension;
}

function findAgreement(register: RegisterContent, which: { id: string } | { nicReference: string }): { id: string; nicReference: string } {
  const dsa = register.dsas.find((d) => !d.archived && ('id' in which ? d.id === which.id : d.nicReference === which.nicReference.trim().toUpperCase()));
  if (!dsa) {
    const named = 'id' in which ? 'That agreement is not' : `Agreement ${which.nicReference} is not`;
    throw new UserFacingError('NOT_FOUND', `${named} in the register (or it is archived); check the NIC reference, e.g. DARS-NIC-00574-V2H1F`);
  }
  return dsa;
}

async function produce(
  request: ExportRequest,
  format: ExportFormat,
  register: RegisterContent,
  allFindings: () => Finding[],
  registerFindings: () => Finding[],
  nicReference: string | null,
  meta: ExportMeta,
  target: string,
): Promise<void> {
  // The holdings export lists copies, not findings: it skips computing them.
  const report = (withFindings: boolean): HoldingsReportModel =>
    buildHoldingsReport(register, withFindings ? registerFindings() : [], request.asOf, nicReference)!;
  switch (request.what) {
    case 'findings':
      return writeTableFile(target, format as 'xlsx' | 'csv', findingsSheets(allFindings(), meta));
    case 'holdings':
      return writeTableFile(target, format as 'xlsx' | 'csv', holdingsSheets(report(false), meta));
    case 'holdingsReport':
      if (format === 'pdf') return writeFileSync(target, await renderHoldingsReportPdf(report(true), meta));
      return writeTableFile(target, 'xlsx', holdingsReportSheets(report(true), meta));
    case 'auditReadiness': {
      const model = buildAuditReadiness(allFindings(), request.asOf);
      if (format === 'pdf') return writeFileSync(target, await renderAuditReadinessPdf(model, meta));
      return writeTableFile(target, 'xlsx', auditReadinessSheets(model, meta));
    }
    case 'deadlines': {
      const deadlines = upcomingDeadlines(register, request.asOf, request.days ?? DEFAULT_DEADLINE_DAYS);
      const name = meta.organisationName ? `${meta.organisationName}: data sharing deadlines` : 'Data sharing deadlines';
      return writeFileSync(target, toICalendar(deadlineEvents(deadlines), { name, generatedAt: meta.generatedAt }));
    }
  }
}
