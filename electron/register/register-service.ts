import type { RegisterConnection } from '../db/register-connection';
import { randomUUID } from 'node:crypto';
import { UserFacingError } from '../../shared/ipc/result';
import type { RecordFields, RecordInput, RegisterGetResult } from '../../shared/register/register-api';
import { recordSchemas, type RecordKind, type RecordOf } from '../../shared/register/records';
import { readSettings } from '../db/settings-repository';
import { prepared } from '../db/statement-cache';
import { appendAudit, canonicalJson, type AuditActor } from './audit-log';
import { firstZodIssue, RecordRejected, type RecordIssue } from './record-issue';
import { insertRecordRow, readRecord, updateRecordRow } from './record-rows';
import { recordTables, type RecordTable } from './record-tables';
import { findReferenceProblem, type RecordLookup } from './reference-checks';
import { labelsFor, relatedTo } from './register-list';
import { requiredFieldMessages } from './validation-messages';

/**
 * Creating, changing, archiving and reading register records. Every write validates the record
 * with its zod schema, checks its references and unique values, and writes the audit entry in the
 * same transaction as the change. Refusals are RecordRejected errors whose one-line message names
 * the field: `locationId: location "3f2…" does not exist`.
 *
 * For other features (imports, destruction): `createRecord`, `replaceRecord` (the IPC's update:
 * every field given), `patchRecord` (only the fields given change), `archiveRecord`,
 * `restoreRecord`, `getRecord`, `findRecords` (by field values, e.g. a DSA by NIC reference).
 * Each may run inside a caller's transaction; it then becomes part of it.
 */
type AnyRecord = Record<string, unknown>;

function validate<K extends RecordKind>(kind: K, candidate: unknown): RecordOf<K> {
  const parsed = recordSchemas[kind].safeParse(candidate, { error: requiredFieldMessages });
  if (!parsed.success) throw new RecordRejected(firstZodIssue(parsed.error));
  return parsed.data as RecordOf<K>;
}

export const databaseLookup =
  (db: RegisterConnection): RecordLookup =>
  (kind, id) =>
    readRecord(db, recordTables[kind], id);

/** Values that must be unique and are already used by another record, checked against the database. */
function findUniqueProblem(db: RegisterConnection, table: RecordTable, record: AnyRecord): RecordIssue | null {
  for (const key of table.uniques) {
    const columns = key.fields.map((field) => columnFor(table, field));
    const values = key.fields.map((field) => record[field]);
    const clash = prepared(
      db,
      `SELECT id FROM ${table.table} WHERE ${columns.map((c) => `${c} = ?`).join(' AND ')} AND id <> ?`,
    )
      .pluck(true)
      .get(...(values as string[]), record.id) as string | undefined;
    if (clash !== undefined) {
      return { path: [key.fields.at(-1)!], message: `${key.describe(values)} (${table.noun} "${clash}")` };
    }
  }
  return null;
}

export function columnFor(table: RecordTable, field: string): string {
  const column = table.columns.find((c) => c.path.length === 1 && c.path[0] === field);
  if (!column) throw new Error(`${table.kind}.${field} is not a column`);
  return column.column;
}

function checkWrite(db: RegisterConnection, table: RecordTable, record: AnyRecord): void {
  const reference = findReferenceProblem(table, record, databaseLookup(db));
  if (reference) throw new RecordRejected(reference);
  const unique = findUniqueProblem(db, table, record);
  if (unique) throw new RecordRejected(unique, 'CONFLICT');
}

const notFound = (table: RecordTable, id: string) =>
  new UserFacingError('NOT_FOUND', `There is no ${table.noun} "${id}" in the register; reload the list and try again.`);

function stored<K extends RecordKind>(db: RegisterConnection, kind: K, id: string): RecordOf<K> {
  const table = recordTables[kind];
  const record = readRecord(db, table, id);
  if (!record) throw notFound(table, id);
  return record as RecordOf<K>;
}

export const sameRecord = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Adds a record; the register gives it a new id. */
export function createRecord<K extends RecordKind>(
  db: RegisterConnection,
  actor: AuditActor,
  kind: K,
  fields: RecordInput<K>,
): RecordOf<K> {
  const table = recordTables[kind];
  const record = validate(kind, { ...withDefaultsFromSettings(db, kind, fields), id: randomUUID(), archived: false });
  return db
    .transaction(() => {
      checkWrite(db, table, record);
      insertRecordRow(db, table, record);
      appendAudit(db, actor, { action: 'create', recordKind: kind, recordId: record.id, before: null, after: record });
      return record;
    })
    .immediate();
}

/**
 * A version created without a destruction rule takes the organisation's default (Settings), not the
 * schema's, and says so (destructionRuleIsDefault), so screens and reports can show it as the default.
 */
function withDefaultsFromSettings(db: RegisterConnection, kind: RecordKind, fields: object): object {
  if (kind !== 'dsaVersion' || (fields as { destructionRule?: unknown }).destructionRule !== undefined) return fields;
  return { destructionRuleIsDefault: true, ...fields, destructionRule: readSettings(db).defaultDestructionRule };
}

/**
 * Replaces every field of a record with `fields`, keeping its id and archived state. An update that changes nothing writes nothing and no audit entry.
 */
export function replaceRecord<K extends RecordKind>(
  db: RegisterConnection,
  actor: AuditActor,
  kind: K,
  id: string,
  fields: RecordFields<K>,
): RecordOf<K> {
  return db
    .transaction(() => {
      const before = stored(db, kind, id);
      return writeUpdate(db, actor, kind, before, { ...fields, id, archived: before.archived });
    })
    .immediate();
}

/** Changes only the fields given (null clears an optional field). */
export function patchRecord<K extends RecordKind>(
  db: RegisterConnection,
  actor: AuditActor,
  kind: K,
  id: string,
  patch: Partial<RecordInput<K>>,
): RecordOf<K> {
  return db
    .transaction(() => {
      const before = stored(db, kind, id);
      // A destruction rule given for a version is the agreement's own, no longer the default.
      const explicit = kind === 'dsaVersion' && 'destructionRule' in patch && !('destructionRuleIsDefault' in patch) ? { destructionRuleIsDefault: false } : {};
      return writeUpdate(db, actor, kind, before, { ...before, ...patch, ...explicit, id, archived: before.archived });
    })
    .immediate();
}

function writeUpdate<K extends RecordKind>(
  db: RegisterConnection,
  actor: AuditActor,
  kind: K,
  before: RecordOf<K>,
  candidate: AnyRecord,
): RecordOf<K> {
  const table = recordTables[kind];
  const after = validate(kind, candidate);
  if (sameRecord(before, after)) return before;
  checkWrite(db, table, after);
  updateRecordRow(db, table, after);
  appendAudit(db, actor, { action: 'update', recordKind: kind, recordId: after.id, before, after });
  return after;
}

function setArchived<K extends RecordKind>(db: RegisterConnection, actor: AuditActor, kind: K, id: string, archived: boolean): RecordOf<K> {
  return db
    .transaction(() => {
      const before = stored(db, kind, id);
      if (before.archived === archived) return before;
      const after = { ...before, archived } as RecordOf<K>;
      const table = recordTables[kind];
      prepared(db, `UPDATE ${table.table} SET archived = ? WHERE id = ?`).run(Number(archived), id);
      appendAudit(db, actor, { action: archived ? 'archive' : 'restore', recordKind: kind, recordId: id, before, after });
      return after;
    })
    .immediate();
}

/** Archives a record: it stays in the register, its history and the audit log, but lists hide it on request. */
export const archiveRecord = <K extends RecordKind>(db: RegisterConnection, actor: AuditActor, kind: K, id: string) =>
  setArchived(db, actor, kind, id, true);

export const restoreRecord = <K extends RecordKind>(db: RegisterConnection, actor: AuditActor, kind: K, id: string) =>
  setArchived(db, actor, kind, id, false);

/** One record with its label, the labels of what it refers to, and everything that refers to it. */
export function getRecord<K extends RecordKind>(db: RegisterConnection, kind: K, id: string): Extract<RegisterGetResult, { kind: K }> {
  const record = stored(db, kind, id);
  const labels = labelsFor(db, kind, [record], true);
  const label = labels[id] ?? id;
  delete labels[id];
  return { kind, record, label, labels, related: relatedTo(db, kind, id) } as Extract<RegisterGetResult, { kind: K }>;
}

/**
 * Records whose top-level fields equal the values given, e.g.
 * `findRecords(db, 'dsa', { nicReference: 'DARS-NIC-00574-V2H1F' })` or
 * `findRecords(db, 'dsaVersion', { dsaId, version: '4.2' })`. Archived records are included.
 */
export function findRecords<K extends RecordKind>(
  db: RegisterConnection,
  kind: K,
  match: Partial<Record<keyof RecordOf<K> & string, string | number | boolean | null>>,
): RecordOf<K>[] {
  const table = recordTables[kind];
  const entries = Object.entries(match);
  const where = entries.map(([field, value]) => (value === null ? `${columnFor(table, field)} IS NULL` : `${columnFor(table, field)} = ?`));
  const values = entries.filter(([, value]) => value !== null).map(([, value]) => (typeof value === 'boolean' ? Number(value) : value));
  const ids = prepared(db, `SELECT id FROM ${table.table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY rowid`)
    .pluck(true)
    .all(...values) as string[];
  return ids.map((id) => readRecord(db, table, id) as RecordOf<K>);
}
