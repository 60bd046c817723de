import type { RegisterConnection } from '../db/register-connection';
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AbsenceCheck } from '../../shared/destruction/destruction-record';
import { UserFacingError } from '../../shared/ipc/result';
import type { Copy } from '../../shared/register/records';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { readRecord } from '../register/record-rows';
import { recordTables } from '../register/record-tables';
import { insertAbsenceCheck } from './destruction-store';
import { actorName } from '../register/actor-name';

/**
 * "Verify absence": for a copy recorded with a local or mounted path, looks at that path and
 * records whether anything (file, folder or link) is still there. The path comes from a record,
 * not from the user choosing it now, so:
 *  - it is only ever looked at (one lstat, and whether its folder exists): never opened, listed,
 *    written, moved or deleted;
 *  - a network path (\\server\share, //server/share, file://host/…) is never touched: on Windows
 *    merely looking at one makes the OS send the user's credentials to that host;
 *  - the answer is only present, absent or cannot tell, in fixed words: no sizes, entry counts or
 *    other folders' existence go back to the screen that asked.
 */
export interface AbsenceFinding {
  result: AbsenceCheck['result'];
  detail: string;
}

/** What a recorded path is to this computer. */
export type RecordedPath = { kind: 'local'; path: string } | { kind: 'network'; host: string } | { kind: 'none' };

export function classifyRecordedPath(pathOrDescription: string | null, platform: NodeJS.Platform = process.platform): RecordedPath {
  const text = pathOrDescription?.trim();
  if (!text) return { kind: 'none' };
  if (/^file:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { kind: 'none' };
    }
    if (url.hostname !== '' && url.hostname.toLowerCase() !== 'localhost') return { kind: 'network', host: url.hostname };
    try {
      return { kind: 'local', path: fileURLToPath(url, { windows: platform === 'win32' }) };
    } catch {
      return { kind: 'none' };
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { kind: 'none' }; // s3://, https://, smb:// …: not a path this computer opens
  // Two leading slashes are a UNC name on Windows (and may be on POSIX): \\server\share, \\?\UNC\server\share.
  const unc = /^[\\/]{2}(?:[?.][\\/]UNC[\\/])?([^\\/?]+)/i.exec(text);
  if (unc) return /^[\\/]{2}[?.][\\/](?!UNC)/i.test(text) ? { kind: 'none' } : { kind: 'network', host: unc[1]! };
  if (platform === 'win32') return /^[a-zA-Z]:[\\/]/.test(text) ? { kind: 'local', path: text } : { kind: 'none' };
  return isAbsolute(text) ? { kind: 'local', path: text } : { kind: 'none' };
}

/** The path as this computer can check it, or null when it is not a local or mounted path here. */
export function localPathOf(pathOrDescription: string | null, platform: NodeJS.Platform = process.platform): string | null {
  const recorded = classifyRecordedPath(pathOrDescription, platform);
  return recorded.kind === 'local' ? recorded.path : null;
}

/** Looks at `path` without changing anything, and answers present, absent or cannot tell. */
export function lookForRemains(path: string): AbsenceFinding {
  const target = resolve(path);
  try {
    lstatSync(target);
    return { result: 'present', detail: `Something is still at ${target}.` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      return { result: 'unreadable', detail: `Cannot tell: Custodian could not look at ${target}; check it as a user who may read that folder, or check that the drive is connected.` };
    }
  }
  // An unmounted share or disk also has nothing at the path: absent only when its folder is there.
  if (existsSync(dirname(target))) return { result: 'absent', detail: `Nothing is at ${target}, and its folder is there, so the location was reachable.` };
  return {
    result: 'unreadable',
    detail: `Cannot tell: the folder holding ${target} is not there either, which is how an unmounted share or removable disk looks. Mount it and check again.`,
  };
}

/** Checks a copy's recorded path and records the check, audited. */
export function verifyAbsence(db: RegisterConnection, actor: AuditActor, copyId: string): AbsenceCheck {
  const copy = readRecord(db, recordTables.copy, copyId) as Copy | undefined;
  if (!copy) throw new UserFacingError('NOT_FOUND', `There is no copy "${copyId}" in the register; reload the list and try again.`);
  const recorded = classifyRecordedPath(copy.pathOrDescription);
  if (recorded.kind === 'network') {
    throw new UserFacingError(
      'REFUSED',
      `This copy is recorded on a network path (host ${recorded.host}). Custodian does not reach out to other computers on its own, because Windows would send your sign-in credentials to that host: check the share yourself and attach the evidence (a screenshot or the erasure tool's report).`,
    );
  }
  const path = recorded.kind === 'local' ? recorded.path : null;
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
      const check: AbsenceCheck = { id: randomUUID(), copyId, pathChecked: path, checkedAt: actor.now().toISOString(), result: finding.result, detail: finding.detail, checkedBy: actorName(db, actor) };
      insertAbsenceCheck(db, check);
      appendAudit(db, actor, { action: 'absence-checked', recordKind: 'copy', recordId: copyId, before: null, after: check });
      return check;
    })
    .immediate();
}
