import type { RegisterConnection } from '../db/register-connection';
import { prepared } from '../db/statement-cache';
import type { ColumnMapping, ListMapping, RecordTable } from './record-tables';

/**
 * Moves records between their object form (the zod schemas) and table rows, following the mapping
 * in record-tables.ts. Reads are built for speed (raw rows, one query per table, no per-row
 * queries) because the findings and the snapshot read the whole register at once.
 */
type SqlValue = string | number | null;
type AnyRecord = Record<string, unknown>;

function toSql(value: unknown, type: ColumnMapping['type']): SqlValue {
  if (value === undefined || value === null) return null;
  if (type === 'boolean') return value ? 1 : 0;
  if (type === 'json') return JSON.stringify(value);
  return value as SqlValue;
}

function fromSql(value: unknown, type: ColumnMapping['type']): unknown {
  if (value === null) return null;
  if (type === 'boolean') return value === 1;
  if (type === 'json') return JSON.parse(value as string);
  return value;
}

function valueAt(record: AnyRecord, path: ColumnMapping['path']): unknown {
  const first = record[path[0]];
  if (path.length === 1) return first;
  return (first as AnyRecord | null | undefined)?.[path[1]];
}

/** The column values of a record, in the order of `table.columns`. */
export function columnValues(table: RecordTable, record: AnyRecord): SqlValue[] {
  return table.columns.map((c) => toSql(valueAt(record, c.path), c.type));
}

/** Builds a function that turns a raw row (values in column order) into a record without its lists. */
function rowReader(columns: readonly ColumnMapping[]): (row: readonly unknown[]) => AnyRecord {
  return (row) => {
    const record: AnyRecord = {};
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const value = fromSql(row[i], column.type);
      if (column.path.length === 1) {
        record[column.path[0]] = value;
      } else {
        const [field, property] = column.path;
        const inner = (record[field] ??= {}) as AnyRecord;
        if (value !== null || !column.omitWhenNull) inner[property] = value;
      }
    }
    return record;
  };
}

const readers = new WeakMap<readonly ColumnMapping[], (row: readonly unknown[]) => AnyRecord>();
function readerFor(columns: readonly ColumnMapping[]) {
  let reader = readers.get(columns);
  if (!reader) readers.set(columns, (reader = rowReader(columns)));
  return reader;
}

const columnList = (columns: readonly ColumnMapping[], alias = '') =>
  columns.map((c) => `${alias}${c.column}`).join(', ');

function listItemColumns(list: ListMapping): string[] {
  return 'valueColumn' in list.item ? [list.item.valueColumn] : list.item.columns.map((c) => c.column);
}

function listItem(list: ListMapping, row: readonly unknown[], offset: number): unknown {
  if ('valueColumn' in list.item) return row[offset];
  return readerFor(list.item.columns)(row.slice(offset));
}

/** Every record of a table, lists included, in the order they were first stored. */
export function readAllRecords(db: RegisterConnection, table: RecordTable): AnyRecord[] {
  const read = readerFor(table.columns);
  const rows = prepared(db, `SELECT ${columnList(table.columns)} FROM ${table.table} ORDER BY rowid`).raw(true).all() as unknown[][];
  const records = rows.map(read);
  if (table.lists.length === 0) return records;
  const byId = new Map<string, AnyRecord>();
  for (const record of records) byId.set(record.id as string, record);
  for (const list of table.lists) {
    for (const record of records) record[list.field] = [];
    const sql = `SELECT ${list.parentColumn}, ${listItemColumns(list).join(', ')} FROM ${list.table} ORDER BY ${list.parentColumn}, position`;
    for (const row of prepared(db, sql).raw(true).all() as unknown[][]) {
      (byId.get(row[0] as string)?.[list.field] as unknown[] | undefined)?.push(listItem(list, row, 1));
    }
  }
  return records;
}

/** The records with these ids (any order, missing ids skipped), lists included. */
export function readRecordsByIds(db: RegisterConnection, table: RecordTable, ids: readonly string[]): AnyRecord[] {
  if (ids.length === 0) return [];
  const read = readerFor(table.columns);
  const records: AnyRecord[] = [];
  // Chunks stay well under SQLite's limit on bound parameters.
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const sql = `SELECT ${columnList(table.columns)} FROM ${table.table} WHERE id IN (${chunk.map(() => '?').join(', ')})`;
    records.push(...(prepared(db, sql).raw(true).all(...chunk) as unknown[][]).map(read));
  }
  for (const list of table.lists) {
    const statement = prepared(
      db,
      `SELECT ${listItemColumns(list).join(', ')} FROM ${list.table} WHERE ${list.parentColumn} = ? ORDER BY position`,
    );
    for (const record of records) {
      record[list.field] = (statement.raw(true).all(record.id) as unknown[][]).map((row) => listItem(list, row, 0));
    }
  }
  return records;
}

export function readRecord(db: RegisterConnection, table: RecordTable, id: string): AnyRecord | undefined {
  return readRecordsByIds(db, table, [id])[0];
}

export function recordExists(db: RegisterConnection, table: RecordTable, id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${table.table} WHERE id = ?`).pluck(true).get(id) !== undefined;
}

function writeLists(db: RegisterConnection, table: RecordTable, record: AnyRecord): void {
  for (const list of table.lists) {
    const columns = listItemColumns(list);
    prepared(db, `DELETE FROM ${list.table} WHERE ${list.parentColumn} = ?`).run(record.id);
    const insert = prepared(
      db,
      `INSERT INTO ${list.table} (${list.parentColumn}, position, ${columns.join(', ')}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
    );
    const items = (record[list.field] as unknown[] | undefined) ?? [];
    items.forEach((item, position) => {
      const values =
        'valueColumn' in list.item
          ? [item as SqlValue]
          : list.item.columns.map((c) => toSql(valueAt(item as AnyRecord, c.path), c.type));
      insert.run(record.id, position, ...values);
    });
  }
}

/** Inserts a validated record. Runs inside the caller's transaction. */
export function insertRecordRow(db: RegisterConnection, table: RecordTable, record: AnyRecord): void {
  const placeholders = table.columns.map(() => '?').join(', ');
  prepared(db, `INSERT INTO ${table.table} (${columnList(table.columns)}) VALUES (${placeholders})`).run(
    ...columnValues(table, record),
  );
  writeLists(db, table, record);
}

/** Replaces a stored record's fields (its rowid, and so its place in the register's order, stays). */
export function updateRecordRow(db: RegisterConnection, table: RecordTable, record: AnyRecord): void {
  const [idColumn, ...rest] = table.columns;
  const assignments = rest.map((c) => `${c.column} = ?`).join(', ');
  const [id, ...values] = columnValues(table, record);
  prepared(db, `UPDATE ${table.table} SET ${assignments} WHERE ${idColumn!.column} = ?`).run(...values, id);
  writeLists(db, table, record);
}
