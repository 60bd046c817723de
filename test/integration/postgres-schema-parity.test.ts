import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open-database';
import { postgresMigrations } from '../../electron/db/postgres/migrations';
import { useRegisterStore } from '../helpers/register-stores';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Every SQLite migration needs its PostgreSQL counterpart: a column added to one store and not the
 * other breaks every read of that table in a team register. The columns are read from each
 * database's own catalogue, not from the code that writes them.
 */
type Columns = Record<string, string[]>;

describe('the PostgreSQL schema matches the SQLite schema', () => {
  const postgres = useRegisterStore('postgres');

  it('reaches the same register version', () => {
    expect(postgresMigrations.at(-1)!.registerVersion).toBe(latestSchemaVersion);
  });

  it('has the same tables with the same columns', () => {
    const temp = makeTempDir();
    try {
      const sqlite = openDatabase(temp.path('register.sqlite'), { create: true }).db;
      const sqliteColumns: Columns = {};
      const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
      for (const table of tables) {
        sqliteColumns[table] = (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).sort();
      }
      sqlite.close();

      const pg = openDatabase(postgres.location(), { create: true });
      expect(pg.schemaVersion).toBe(latestSchemaVersion);
      const rows = pg.db
        .prepare("SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND column_name <> 'rowid'")
        .all() as { t: string; c: string }[];
      pg.db.close();
      const postgresColumns: Columns = {};
      for (const { t, c } of rows) (postgresColumns[t] ??= []).push(c);
      const shared = Object.fromEntries(Object.keys(sqliteColumns).map((t) => [t, (postgresColumns[t] ?? []).sort()]));
      expect(shared).toEqual(sqliteColumns);
    } finally {
      temp.remove();
    }
  });
});
