import type { RegisterConnection } from '../db/register-connection';
import { basename } from 'node:path';
import { registerListNames } from '../../shared/register/register-lists';
import {
  REGISTER_SNAPSHOT_FORMAT,
  REGISTER_SNAPSHOT_VERSION,
  type RegisterSnapshot,
} from '../../shared/register/snapshot';
import { writeFileAtomic } from '../files/write-file-atomic';
import { appendAudit, type AuditActor } from './audit-log';
import { loadRegister } from './load-register';

export function buildRegisterSnapshot(db: RegisterConnection, actor: AuditActor): RegisterSnapshot {
  return {
    format: REGISTER_SNAPSHOT_FORMAT,
    formatVersion: REGISTER_SNAPSHOT_VERSION,
    exportedAt: actor.now().toISOString(),
    register: loadRegister(db),
  };
}

export const countsOf = (snapshot: RegisterSnapshot): Record<string, number> =>
  Object.fromEntries(registerListNames.map((name) => [name, snapshot.register[name].length]));

/**
 * Writes the whole register to `path` as a JSON snapshot (docs/register-snapshot.md) and records
 * the export in the audit log. The file is written before the audit entry commits and replaced
 * atomically, so there is never an entry for a file that was not written, nor half a file.
 */
export function exportRegisterSnapshot(db: RegisterConnection, actor: AuditActor, path: string): RegisterSnapshot {
  return db
    .transaction(() => {
      const snapshot = buildRegisterSnapshot(db, actor);
      appendAudit(db, actor, {
        action: 'export',
        recordKind: 'register',
        recordId: null,
        before: null,
        after: null,
        detail: { file: basename(path), counts: countsOf(snapshot) },
      });
      writeFileAtomic(path, `${JSON.stringify(snapshot, null, 2)}\n`);
      return snapshot;
    })
    .immediate();
}
