import type { RegisterConnection } from '../../db/register-connection';
import { basename } from 'node:path';
import type { DurImportSummary } from '../../../shared/imports/imports-api';
import type { RecordKind } from '../../../shared/register/records';
import { sha256OfFile } from '../../files/file-digest';
import { appendAudit, type AuditActor } from '../../register/audit-log';
import { loadRegister } from '../../register/load-register';
import { RecordRejected } from '../../register/record-issue';
import { readSettings } from '../../db/settings-repository';
import { createRecord, replaceRecord } from '../../register/register-service';
import { DurImportError } from './dur-import-error';
import { parseDur, type DurContent, type DurFilter } from './parse-dur';
import { planDurImport, type PlannedChange } from './plan-dur-import';
import { readDurSources } from './read-dur-sources';

/**
 * `custodian import dur` and the Import button: reads NHS England's Data Uses Register (see
 * read-dur-sources.ts for the files accepted), works out the changes (plan-dur-import.ts) and
 * writes them through the register service in ONE transaction, each change with its audit entry,
 * plus one `import` entry naming the files by SHA-256. On the first problem it throws a
 * DurImportError naming the sheet, row and column, and nothing is written.
 */
export async function importDur(db: RegisterConnection, actor: AuditActor, paths: readonly string[], filter: DurFilter = {}): Promise<DurImportSummary> {
  return writeDurImport(db, actor, await readDur(paths, filter), filter);
}

/** What reading the files gives: plain data, so the app can read in a worker thread and write in main. */
export interface DurRead {
  dur: DurContent;
  files: string[];
  /** The audit log records which files were imported by their hash, never their contents. */
  digests: { name: string; sha256: string }[];
}

/** Reads, checks and hashes the files: all the work that needs no register. */
export async function readDur(paths: readonly string[], filter: DurFilter = {}): Promise<DurRead> {
  const sheets = await readDurSources(paths);
  const dur = parseDur(sheets, filter);
  const readPaths = [...new Set(sheets.map((s) => s.path))];
  return { dur, files: readPaths.map((p) => basename(p)), digests: readPaths.map((p) => ({ name: basename(p), sha256: sha256OfFile(p) })) };
}

/** Plans and writes what was read, in one transaction with its audit entries. */
export function writeDurImport(db: RegisterConnection, actor: AuditActor, { dur, files, digests }: DurRead, filter: DurFilter = {}): DurImportSummary {
  return db
    .transaction(() => {
      // Planned inside the write transaction, so the register cannot change between plan and write.
      const plan = planDurImport(loadRegister(db), dur, () => globalThis.crypto.randomUUID(), readSettings(db).defaultDestructionRule);
      applyChanges(db, actor, plan.changes);
      const summary: DurImportSummary = { files, sheetsRead: dur.sheetsRead, rowsSkipped: dur.rowsSkipped, counts: plan.counts };
      appendAudit(db, actor, {
        action: 'import',
        recordKind: 'register',
        recordId: null,
        before: null,
        after: null,
        detail: { format: 'NHS England Data Uses Register', files: digests, ...(filter.organisation ? { organisation: filter.organisation } : {}), counts: plan.counts },
      });
      return summary;
    })
    .immediate();
}

/**
 * Writes the planned records in order. The register gives each new record its id, so references
 * between new records (a version's agreement, a holding's dataset) are mapped to those ids first.
 */
function applyChanges(db: RegisterConnection, actor: AuditActor, changes: readonly PlannedChange[]): void {
  const ids = new Map<string, string>();
  const id = (planned: string): string => ids.get(planned) ?? planned;
  for (const change of changes) {
    const { id: plannedId, archived: _archived, ...fields } = withRealIds(change, id);
    try {
      if (change.before === null) ids.set(plannedId, createRecord(db, actor, change.kind as RecordKind, fields as never).id);
      else replaceRecord(db, actor, change.kind as RecordKind, plannedId, fields as never);
    } catch (error) {
      if (error instanceof RecordRejected) throw new DurImportError(change.place, `the register refused it: ${error.message}`);
      throw error;
    }
  }
}

function withRealIds(change: PlannedChange, id: (planned: string) => string): Record<string, unknown> & { id: string; archived: boolean } {
  switch (change.kind) {
    case 'dsaVersion': {
      const v = change.after;
      return {
        ...v,
        dsaId: id(v.dsaId),
        predecessorVersionId: v.predecessorVersionId === null ? null : id(v.predecessorVersionId),
        parties: v.parties.map((p) => ({ ...p, organisationId: id(p.organisationId) })),
      };
    }
    case 'dataset':
      return { ...change.after, versionId: id(change.after.versionId) };
    case 'holding':
      return { ...change.after, versionId: id(change.after.versionId), datasetId: id(change.after.datasetId) };
    default:
      return change.after;
  }
}

