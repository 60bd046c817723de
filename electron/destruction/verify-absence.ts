import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AbsenceCheck } from '../../shared/destruction/destruction-record';
import { UserFacingError } from '../../shared/ipc/result';
import type { Copy } from '../../shared/register/records';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { readRecord } from '../register/record-rows';
import { recordTables } from '../register/record-tables';
import { insertAbsenceCheck } from './destruction-store';

/**
 * "Verify absence": for a copy recorded with a local or mounted path, looks at that path and
 * records whether anything (file, folder or link) is still there. The path is one the user typed
 * into the register, so it is only ever looked at (lstat, and a count of a folder's entries):
 * never opened for writing, moved or deleted.
 */
export interface AbsenceFinding {
  result: AbsenceCheck['result'];
  detail: string;
}

/** The path as this computer can check it, or null when it is not a local or mounted path here. */
export function localPathOf(pathOrDescription: string | null, platform: NodeJS.Platform = process.platform): string | null {
  const text = pathOrDescription?.trim();
  if (!text) return null;
  if (text.startsWith('file://')) {
    try {
      return fileURLToPath(text);
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return null; // s3://, https://, smb:// …: not a path this computer opens
  if (platform === 'win32') return /^([a-zA-Z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(text) ? text : null;
  return isAbsolute(text) ? text : null;
}

/** Looks at `path` without changing anything. */
export function lookForRemains(path: string): AbsenceFinding {
  const target = resolve(path);
  try {
    const stat = lstatSync(target);
    if (stat.isDirectory()) {
      let entries: number | null = null;
      try {
        entries = readdirSync(target).length;
      } catch {
        entries = null;
      }
      const what = entries === null ? 'a folder (its contents could not be listed)' : `a folder with ${entries} ${entries === 1 ? 'entry' : 'entries'}`;
      return { result: 'present', detail: `Still present: ${what} at ${target}.` };
    }
    if (stat.isSymbolicLink()) return { result: 'present', detail: `Still present: a link at ${target}.` };
    return { result: 'present', detail: `Still present: a file of ${stat.size} bytes at ${target}.` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { result: 'absent', detail: absentDetail(target) };
    return { result: 'unreadable', detail: `Custodian could not look at ${target} (${code ?? 'error'}): check it as a user who may read that folder, or check that the drive is connected.` };
  }
}

function absentDetail(target: string): string {
  const parent = dirname(target);
  if (existsSync(parent)) return `Nothing at ${target}; its folder ${parent} exists, so the location was reachable.`;
  let ancestor = parent;
  while (dirname(ancestor) !== ancestor && !existsSync(ancestor)) ancestor = dirname(ancestor);
  return `Nothing at ${target}, and its folder ${parent} does not exist either (the nearest existing folder is ${ancestor}). If the path is on a network share or removable disk, make sure it is mounted and check again.`;
}

/** Checks a copy's recorded path and records the check, audited. */
export function verifyAbsence(db: Database, actor: AuditActor, copyId: string): AbsenceCheck {
  const copy = readRecord(db, recordTables.copy, copyId) as Copy | undefined;
  if (!copy) throw new UserFacingError('NOT_FOUND', `There is no copy "${copyId}" in the register; reload the list and try again.`);
  const path = localPathOf(copy.pathOrDescription);
  if (path === null) {
    const recorded = copy.pathOrDescription ? `"${copy.pathOrDescription}"` : 'no path';
    throw new UserFacingError(
      'REFUSED',
      `This copy is recorded with ${recorded}, which is not a local or mounted path on this computer, so Custodian cannot look for it. Attach evidence instead (e.g. a screenshot of the cloud console or the erasure tool's report).`,
    );
  }
  const finding = lookForRemains(path);
  return db
    .transaction(() => {
      const check: AbsenceCheck = { id: randomUUID(), copyId, pathChecked: path, checkedAt: actor.now().toISOString(), result: finding.result, detail: finding.detail, checkedBy: actor.osUser };
      insertAbsenceCheck(db, check);
      appendAudit(db, actor, { action: 'absence-checked', recordKind: 'copy', recordId: copyId, before: null, after: check });
      return check;
    })
    .immediate();
}
