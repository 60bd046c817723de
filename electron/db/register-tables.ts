import { registerStore, type RegisterConnection } from './register-connection';

export interface StoredTable {
  name: string;
  /** Its columns, in order, without PostgreSQL's `rowid` identity (each store numbers its own rows). */
  columns: string[];
  /** The order rows were written in: `rowid` where the table has one, else its key columns. */
  orderBy: string;
}

/** Tables of the store's own bookkeeping, not of the register. */
const bookkeeping = new Set(['custodian_schema', 'custodian_revision']);

/**
 * The register's tables as this store holds them, read from its catalogue (SQLite's sqlite_schema
 * and table_info, PostgreSQL's information_schema): what copying a register and comparing two
 * registers go through, so a table a later migration adds is copied without a change here.
 */
export function storedTables(db: RegisterConnection): StoredTable[] {
  if (registerStore(db) === 'postgres') {
    const rows = db
      .prepare(
        `SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
      )
      .all() as { table: string; column: string }[];
    const tables = new Map<string, string[]>();
    for (const { table, column } of rows) if (!bookkeeping.has(table)) tables.set(table, [...(tables.get(table) ?? []), column]);
    return [...tables].map(([name, columns]) => ({
      name,
      columns: columns.filter((c) => c !== 'rowid'),
      orderBy: columns.includes('rowid') ? 'rowid' : '1, 2',
    }));
  }
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  return tables.map(({ name, sql }) => ({
    name,
    columns: (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck(true).all(name) as string[]),
    orderBy: /WITHOUT\s+ROWID/i.test(sql) ? '1, 2' : 'rowid',
  }));
}

export function rowCount(db: RegisterConnection, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck(true).get() as number;
}
