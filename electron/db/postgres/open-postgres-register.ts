import { defaultUserDataDir } from '../../paths';
import { DatabaseOpenError } from '../database-error';
import { latestSchemaVersion } from '../migrations';
import type { OpenedDatabase, OpenOptions } from '../open-database';
import { postgresMigrations } from './migrations';
import { PostgresConnection } from './postgres-connection';
import { redactLocation, redactMessage } from './postgres-location';

interface RegisterState {
  migration: number;
  registerVersion: number;
  /** Tables in the schema that are not Custodian's: a database of something else. */
  foreignTables: number;
}

function readState(connection: PostgresConnection): RegisterState {
  const client = connection.client;
  const present = (client.query("SELECT to_regclass('custodian_schema') IS NOT NULL AS present").rows[0] as { present: number }).present;
  const tables = (client.query('SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()').rows[0] as { n: number }).n;
  if (!present) return { migration: 0, registerVersion: 0, foreignTables: tables };
  const row = client.query('SELECT migration, register_version FROM custodian_schema WHERE id = 1').rows[0] as
    | { migration: number; register_version: number }
    | undefined;
  return { migration: row?.migration ?? 0, registerVersion: row?.register_version ?? 0, foreignTables: 0 };
}

/**
 * Opens a register in PostgreSQL, as openDatabase does a file: refuses a database that holds
 * something else or was written by a newer Custodian, creates the register only when asked
 * (`custodian init`), and brings it up to date, each migration in its own transaction under the
 * register's write lock (two `init`s at once run the migrations once).
 */
export function openPostgresRegister(location: string, options: OpenOptions): OpenedDatabase {
  const shown = redactLocation(location);
  let connection: PostgresConnection;
  try {
    connection = new PostgresConnection({ connectionString: location.trim(), application_name: 'custodian', ...(options.password ? { password: options.password } : {}) });
  } catch (error) {
    throw new DatabaseOpenError('UNREADABLE', `Cannot connect to ${shown}: ${redactMessage((error as Error).message, location)}`);
  }
  try {
    const before = readState(connection);
    if (before.migration === 0 && before.foreignTables > 0) {
      throw new DatabaseOpenError('NOT_CUSTODIAN', `${shown} holds tables of another application, not a Custodian register; it was left unchanged.`);
    }
    if (before.migration === 0 && !options.create) {
      throw new DatabaseOpenError('NOT_FOUND', `No register at ${shown}: run "custodian init --db ${shown}" to create one.`);
    }
    const latestMigration = postgresMigrations.at(-1)?.number ?? 0;
    if (before.migration > latestMigration || before.registerVersion > latestSchemaVersion) {
      throw new DatabaseOpenError(
        'NEWER_VERSION',
        `${shown} was written by a newer Custodian (schema ${before.registerVersion}; this version knows up to ${latestSchemaVersion}); update Custodian to open it. It was left unchanged.`,
      );
    }
    const opened = (schemaVersion: number): OpenedDatabase => ({
      db: connection,
      store: 'postgres',
      sqlite: null,
      path: shown,
      dataDir: process.env.CUSTODIAN_DATA_DIR || defaultUserDataDir(),
      schemaVersion,
      created: before.migration === 0,
      migratedFrom: before.registerVersion,
    });
    if (options.readonly) connection.exec('SET default_transaction_read_only = on');
    if (options.readonly || options.migrate === false) return opened(before.registerVersion);
    return opened(migrate(connection, shown));
  } catch (error) {
    connection.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError('UNREADABLE', `Cannot open ${shown}: ${redactMessage((error as Error).message, location)}`);
  }
}

function migrate(connection: PostgresConnection, shown: string): number {
  let version = readState(connection).registerVersion;
  for (const migration of postgresMigrations) {
    try {
      version = connection.transaction(() => {
        // Read again under the lock: another init may have run this step while we waited.
        const state = readState(connection);
        if (state.migration >= migration.number) return state.registerVersion;
        connection.exec(migration.sql);
        connection.exec(`CREATE TABLE IF NOT EXISTS custodian_schema (
          id integer PRIMARY KEY CHECK (id = 1), migration integer NOT NULL, register_version integer NOT NULL)`);
        connection.client.query(
          `INSERT INTO custodian_schema (id, migration, register_version) VALUES (1, $1, $2)
           ON CONFLICT (id) DO UPDATE SET migration = excluded.migration, register_version = excluded.register_version`,
          [migration.number, migration.registerVersion],
        );
        return migration.registerVersion;
      })();
    } catch (error) {
      throw new DatabaseOpenError(
        'CORRUPT',
        `PostgreSQL migration ${migration.number} (${migration.name}) failed on ${shown}: ${(error as Error).message}. The register was left at schema ${version}.`,
      );
    }
  }
  return version;
}
