import type { RegisterConnection } from '../db/register-connection';
import { UserFacingError } from '../../shared/ipc/result';
import { kindOfList, registerListNames, type RegisterListName } from '../../shared/register/register-lists';
import type { RecordKind } from '../../shared/register/records';
import {
  REGISTER_SNAPSHOT_FORMAT,
  REGISTER_SNAPSHOT_VERSION,
  registerSnapshotSchema,
  type RegisterContent,
  type RegisterSnapshot,
} from '../../shared/register/snapshot';
import { formatJsonPath } from '../../shared/validation/json-path';
import { auditWriter, type AuditActor } from './audit-log';
import { firstZodIssue, RecordRejected } from './record-issue';
import { insertRecordRow, readRecord, readRecordsByIds, updateRecordRow } from './record-rows';
import { recordTables } from './record-tables';
import { findReferenceProblem, type RecordLookup } from './reference-checks';
import { columnFor, sameRecord } from './register-service';
import { requiredFieldMessages } from './validation-messages';

type AnyRecord = Record<string, unknown>;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export interface ImportSummary extends ImportCounts {
  byList: Record<RegisterListName, ImportCounts>;
}

/**
 * Imports a register snapshot (docs/register-snapshot.md) into this register.
 *
 * Merge rule: records are matched by kind and id. A record whose id is already in the register is
 * replaced by the file's version, all fields including `archived`; a new id is created with that
 * id; records the file does not mention are left exactly as they are (an import never deletes).
 * A record identical to the stored one is not rewritten and gets no audit entry. Unique values
 * (NIC reference, DSFC reference, (DSA, version), certificate number) are checked on the merged
 * result, so a file cannot bring a second DSA with a NIC reference already in the register under
 * another id.
 *
 * All of it is one transaction. The first problem stops the import with nothing written, and the
 * message names the JSON path and field: `register.copies[12].locationId: location "x" does not exist`.
 * Every created or changed record gets an `import` audit entry, plus one for the import as a whole.
 */
export function importRegisterSnapshot(db: RegisterConnection, actor: AuditActor, value: unknown, source: string): ImportSummary {
  const snapshot = parseSnapshot(value);
  return db
    .transaction(() => {
      // References may point forwards in the file (a version to its successor's predecessor…);
      // every reference has been checked by then, so SQLite checks them once, at commit.
      db.pragma('defer_foreign_keys = ON');
      const inFile = indexFile(snapshot.register);
      checkReferences(db, snapshot.register, inFile);
      checkUniqueValues(db, snapshot.register, inFile);
      return writeAll(db, actor, snapshot.register, source);
    })
    .immediate();
}

const reject = (path: readonly PropertyKey[], message: string) => new RecordRejected({ path, message });

function parseSnapshot(value: unknown): RegisterSnapshot {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw reject([], `the file is not a Custodian register snapshot: expected a JSON object with "format": "${REGISTER_SNAPSHOT_FORMAT}"`);
  }
  const { format, formatVersion } = value as { format?: unknown; formatVersion?: unknown };
  if (format !== REGISTER_SNAPSHOT_FORMAT) {
    throw reject(['format'], `must be "${REGISTER_SNAPSHOT_FORMAT}": this file is not a Custodian register snapshot`);
  }
  if (typeof formatVersion === 'number' && formatVersion > REGISTER_SNAPSHOT_VERSION) {
    throw reject(
      ['formatVersion'],
      `is ${formatVersion}, written by a newer Custodian (this one reads version ${REGISTER_SNAPSHOT_VERSION}); update Custodian to import it`,
    );
  }
  const parsed = registerSnapshotSchema.safeParse(value, { error: requiredFieldMessages });
  if (!parsed.success) throw new RecordRejected(firstZodIssue(parsed.error));
  return parsed.data;
}

type FileIndex = Map<RecordKind, Map<string, { record: AnyRecord; index: number; list: RegisterListName }>>;

function indexFile(register: RegisterContent): FileIndex {
  const index: FileIndex = new Map();
  for (const list of registerListNames) {
    const byId = new Map<string, { record: AnyRecord; index: number; list: RegisterListName }>();
    register[list].forEach((record: AnyRecord, position: number) => {
      const id = record.id as string;
      const earlier = byId.get(id);
      if (earlier) {
        throw reject(['register', list, position, 'id'], `id "${id}" is used twice in this file (also at register.${list}[${earlier.index}])`);
      }
      byId.set(id, { record, index: position, list });
    });
    index.set(kindOfList[list], byId);
  }
  return index;
}

function checkReferences(db: RegisterConnection, register: RegisterContent, inFile: FileIndex): void {
  const stored = new Map<string, AnyRecord | undefined>();
  const lookup: RecordLookup = (kind, id) => {
    const fromFile = inFile.get(kind)?.get(id);
    if (fromFile) return fromFile.record;
    const key = `${kind}\u0000${id}`;
    if (!stored.has(key)) stored.set(key, readRecord(db, recordTables[kind], id));
    return stored.get(key);
  };
  for (const list of registerListNames) {
    const table = recordTables[kindOfList[list]];
    register[list].forEach((record: AnyRecord, position: number) => {
      const problem = findReferenceProblem(table, record, lookup);
      if (problem) throw new RecordRejected(problem).within(['register', list, position]);
    });
  }
}

function checkUniqueValues(db: RegisterConnection, register: RegisterContent, inFile: FileIndex): void {
  for (const list of registerListNames) {
    const kind = kindOfList[list];
    const table = recordTables[kind];
    const replaced = inFile.get(kind)!;
    for (const key of table.uniques) {
      const columns = key.fields.map((field) => columnFor(table, field));
      const taken = new Map<string, string>();
      const rows = db.prepare(`SELECT id, ${columns.join(', ')} FROM ${table.table}`).raw(true).all() as unknown[][];
      for (const [id, ...values] of rows) {
        if (!replaced.has(id as string)) taken.set(JSON.stringify(values), `${table.noun} "${String(id)}" in the register`);
      }
      register[list].forEach((record: AnyRecord, position: number) => {
        const values = key.fields.map((field) => record[field]);
        const valueKey = JSON.stringify(values);
        const holder = taken.get(valueKey);
        if (holder) throw reject(['register', list, position, key.fields.at(-1)!], `${key.describe(values)} (${holder})`);
        taken.set(valueKey, formatJsonPath(['register', list, position]));
      });
    }
  }
}

function writeAll(db: RegisterConnection, actor: AuditActor, register: RegisterContent, source: string): ImportSummary {
  const audit = auditWriter(db, actor);
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, byList: {} as ImportSummary['byList'] };
  for (const list of registerListNames) {
    const kind = kindOfList[list];
    const table = recordTables[kind];
    const records = register[list] as AnyRecord[];
    const existing = new Map(readRecordsByIds(db, table, records.map((r) => r.id as string)).map((r) => [r.id as string, r]));
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    records.forEach((record, position) => {
      const before = existing.get(record.id as string);
      if (before && sameRecord(before, record)) {
        counts.unchanged++;
        return;
      }
      try {
        if (before) updateRecordRow(db, table, record);
        else insertRecordRow(db, table, record);
      } catch (error) {
        throw new UserFacingError(
          'DATABASE',
          `${formatJsonPath(['register', list, position])}: the register refused this record (${(error as Error).message}); nothing was imported`,
        );
      }
      audit({ action: 'import', recordKind: kind, recordId: record.id as string, before: before ?? null, after: record, detail: { source } });
      counts[before ? 'updated' : 'created']++;
    });
    summary.byList[list] = counts;
    summary.created += counts.created;
    summary.updated += counts.updated;
    summary.unchanged += counts.unchanged;
  }
  const { byList: _byList, ...totals } = summary;
  audit({ action: 'import', recordKind: 'register', recordId: null, before: null, after: null, detail: { source, ...totals } });
  return summary;
}
