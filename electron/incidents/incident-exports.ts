import type { RegisterConnection } from '../db/register-connection';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { BreachLogFormat } from '../../shared/incidents/incident-api';
import { UserFacingError } from '../../shared/ipc/result';
import { readSettings } from '../db/settings-repository';
import { writeTableFile } from '../exports/table-file';
import { sha256OfFile } from '../files/file-digest';
import { isRegisterFile } from '../files/same-file';
import { settleTemporaryFiles } from '../files/settle-temporary-files';
import { temporaryPathFor } from '../files/write-file-atomic';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { breachLogSheet } from './breach-log';
import { incidentDetail } from './incident-detail';
import { buildIncidentReport } from './incident-report';
import { readAllIncidents } from './incident-rows';
import { getIncident } from './incident-service';
import { readIncidentSettings } from './incident-settings-store';

/**
 * Writing the incident report (PDF) and the breach log (XLSX or CSV). Each file is made under a
 * temporary name beside the target and renamed into place once its audit entry (the file's name
 * and SHA-256, never its contents) is committed, so a reader never sees half a file and there is
 * no export without its entry. The register itself is never a valid output.
 */
export interface IncidentExportResult {
  path: string;
  sha256: string;
}

function checkOutput(path: string, registerPath: string, allowed: readonly string[], what: string): string {
  const extension = extname(path).toLowerCase().slice(1);
  if (!allowed.includes(extension)) {
    throw new UserFacingError('BAD_REQUEST', `${path}: the ${what} is written as ${allowed.map((f) => `.${f}`).join(' or ')}; end the file name with ${allowed.length === 1 ? 'that' : 'one of those'}`);
  }
  if (isRegisterFile(path, registerPath)) {
    throw new UserFacingError('REFUSED', `${path} is the register itself; choose another file name so the register is not overwritten`);
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserFacingError('BAD_REQUEST', `${path}: the folder ${folder} does not exist; create it or choose another place`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserFacingError('BAD_REQUEST', `${path} is a folder; give a file name`);
  return extension;
}

async function writeAudited(
  db: RegisterConnection,
  actor: AuditActor,
  path: string,
  produce: (temporary: string) => Promise<void>,
  audit: { recordId: string | null; detail: Record<string, unknown> },
): Promise<IncidentExportResult> {
  settleTemporaryFiles(db, dirname(path));
  const temporary = temporaryPathFor(path);
  try {
    await produce(temporary);
    const sha256 = sha256OfFile(temporary);
    // Entry first, rename after: a crash in between leaves a temporary file the register knows
    // about, which the next export into the folder finishes (see settleTemporaryFiles).
    db.transaction(() => {
      appendAudit(db, actor, { action: 'export', recordKind: 'incident', recordId: audit.recordId, before: null, after: null, detail: { ...audit.detail, file: basename(path), sha256 } });
    }).immediate();
    renameSync(temporary, path);
    return { path, sha256 };
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The incident report of one incident as a PDF. */
export async function exportIncidentReport(db: RegisterConnection, actor: AuditActor, registerPath: string, incidentId: string, path: string): Promise<IncidentExportResult> {
  checkOutput(path, registerPath, ['pdf'], 'incident report');
  const incident = getIncident(db, incidentId);
  const settings = readIncidentSettings(db);
  const { organisationName, displayName } = readSettings(db);
  const report = buildIncidentReport({
    detail: incidentDetail(db, incident, settings),
    settings,
    organisationName,
    generatedAt: actor.now(),
    ...(displayName ? { author: displayName } : {}),
  });
  const bytes = await report.toBuffer();
  return writeAudited(db, actor, path, async (temporary) => writeFileSync(temporary, bytes), {
    recordId: incident.id,
    detail: { export: 'incidentReport', reference: incident.reference, format: 'pdf' },
  });
}

/** The breach log of every incident, as XLSX or CSV (the file name's extension decides). */
export async function exportBreachLog(db: RegisterConnection, actor: AuditActor, registerPath: string, path: string): Promise<IncidentExportResult & { format: BreachLogFormat; incidents: number }> {
  const format = checkOutput(path, registerPath, ['xlsx', 'csv'], 'breach log') as BreachLogFormat;
  const incidents = readAllIncidents(db);
  const sheet = breachLogSheet(incidents, readIncidentSettings(db), actor.now());
  const result = await writeAudited(db, actor, path, (temporary) => writeTableFile(temporary, format, [sheet]), {
    recordId: null,
    detail: { export: 'breachLog', format, incidents: incidents.length },
  });
  return { ...result, format, incidents: incidents.length };
}
