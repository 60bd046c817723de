import { registerStore, type RegisterConnection } from '../../electron/db/register-connection';
import { insertRecordRow } from '../../electron/register/record-rows';
import { recordTables, type RecordTable } from '../../electron/register/record-tables';
import type { RecordKind } from '../../shared/register/records';
import { kindOfList } from '../../shared/register/register-lists';
import type { RegisterContent } from '../../shared/register/snapshot';

/**
 * Writes a whole register (e.g. from RegisterBuilder) into a real database through the storage
 * layer's row writer, in one transaction. Foreign keys are checked at commit, so records may
 * reference each other in any order (a version and its predecessor, an organisation and its
 * predecessor).
 */
export function storeRegister(db: RegisterConnection, register: RegisterContent): void {
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const [list, kind] of Object.entries(kindOfList) as [keyof RegisterContent, RecordKind][]) {
      const table = asStored(db, recordTables[kind]);
      for (const record of register[list]) insertRecordRow(db, table, record as Record<string, unknown>);
    }
  })();
}

/**
 * The table as this database has it: a register at an earlier schema (a migration test) lacks the
 * columns later migrations add, which then take their defaults when it is migrated.
 */
function asStored(db: RegisterConnection, table: RecordTable): RecordTable {
  const sql =
    registerStore(db) === 'postgres'
      ? `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table.table}'`
      : `PRAGMA table_info(${table.table})`;
  const present = new Set((db.prepare(sql).all() as { name: string }[]).map((c) => c.name));
  return { ...table, columns: table.columns.filter((c) => present.has(c.column)) };
}
