import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseOpenError } from './database-error';
import { readSqliteHeader } from './file-header';
import { latestSchemaVersion, migrations } from './migrations';
import type { Migration } from './migrations/migration';
import { isPostgresLocation } from './postgres/postgres-location';
import { openPostgresRegister } from './postgres/open-postgres-register';
import type { RegisterConnection, RegisterStore } from './register-connection';

/** `PRAGMA application_id` of every Custodian register: "CUST" in ASCII. */
export const CUSTODIAN_APPLICATION_ID = 0x43555354;

export interface OpenOptions {
  /** Create the file if it does not exist (true for `custodian init` and the app). */
  create: boolean;
  /** Run pending migrations (false lets `check` report a register that needs `init`). */
  migrate?: boolean;
  readonly?: boolean;
  /** A PostgreSQL register's password, when it does not come from the PGPASSFILE (the app's keychain). */
  password?: string | null;
  /** Override the migration list (tests of migration N−1 → N). */
  migrationList?: readonly Migration[];
}

export interface OpenedDatabase {
  db: RegisterConnection;
  /** Which store holds the register: an SQLite file, or a PostgreSQL database (a team register). */
  store: RegisterStore;
  /** The SQLite connection itself, for what only SQLite does (an online backup); null for PostgreSQL. */
  sqlite: Database | null;
  /** The file's path, or the PostgreSQL URL without its password. */
  path: string;
  /** Where files the register refers to are kept (evidence, custom profiles). */
  dataDir: string;
  schemaVersion: number;
  created: boolean;
  migratedFrom: number;
}

/**
 * Opens a register, refusing anything that is not one before touching it, then sets the pragmas and
 * brings the schema up to date. Each migration runs in its own transaction; if one fails the database
 * stays at the last good version and the error is raised, the file is never deleted.
 */
export function openDatabase(path: string, options: OpenOptions): OpenedDatabase {
  if (isPostgresLocation(path)) return openPostgresRegister(path, options);
  const list = options.migrationList ?? migrations;
  const latest = options.migrationList ? (list.at(-1)?.version ?? 0) : latestSchemaVersion;
  const exists = existsSync(path);
  if (!exists && !options.create) {
    throw new DatabaseOpenError(
      'NOT_FOUND',
      `No register at ${path}: run "custodian init --db ${path}" to create one.`,
    );
  }
  if (exists) refuseForeignFile(path, latest, options.create);
  else mkdirSync(dirname(path), { recursive: true });

  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  } catch (error) {
    throw new DatabaseOpenError('UNREADABLE', `Cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const { schemaVersion, migratedFrom } = prepare(db, path, list, latest, options);
    return { db, store: 'sqlite', sqlite: db, path, dataDir: dirname(path), schemaVersion, created: !exists, migratedFrom };
  } catch (error) {
    db.close();
    throw error;
  }
}

function refuseForeignFile(path: string, latest: number, create: boolean): void {
  if (!statSync(path).isFile()) {
    throw new DatabaseOpenError('NOT_A_DATABASE', `${path} is not a file.`);
  }
  let header;
  try {
    header = readSqliteHeader(path);
  } catch (error) {
    throw new DatabaseOpenError('UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`);
  }
  if (header.sizeBytes === 0) {
    // Only `init` (and the app, creating its own register) may turn an empty file into a register:
    // a command given an empty file by mistake must not quietly make one there.
    if (create) return;
    throw new DatabaseOpenError('NOT_A_DATABASE', `${path} is an empty file, not a Custodian register; run "custodian init --db ${path}" to make it one. It was left unchanged.`);
  }
  if (!header.isSqlite) {
    throw new DatabaseOpenError(
      'NOT_A_DATABASE',
      `${path} is not a Custodian register (it is not an SQLite database); it was left unchanged.`,
    );
  }
  if (header.applicationId !== 0 && header.applicationId !== CUSTODIAN_APPLICATION_ID) {
    throw new DatabaseOpenError(
      'NOT_CUSTODIAN',
      `${path} is an SQLite database of another application; it was left unchanged.`,
    );
  }
  if (header.userVersion > latest) throw newerVersion(path, header.userVersion, latest);
}

const newerVersion = (path: string, found: number, latest: number) =>
  new DatabaseOpenError(
    'NEWER_VERSION',
    `${path} was written by a newer Custodian (schema ${found}; this version knows up to ${latest}); ` +
      'update Custodian to open it. The file was left unchanged.',
  );

function prepare(
  db: Database,
  path: string,
  list: readonly Migration[],
  latest: number,
  options: OpenOptions,
): { schemaVersion: number; migratedFrom: number } {
  // Read what the file says before any pragma that writes. The header check above cannot see a
  // version bump still sitting in the WAL, this can.
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== CUSTODIAN_APPLICATION_ID) {
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
      .get() as { n: number };
    if (applicationId !== 0 || tables.n > 0) {
      throw new DatabaseOpenError(
        'NOT_CUSTODIAN',
        `${path} is an SQLite database but not a Custodian register; it was left unchanged.`,
      );
    }
    // An empty SQLite database (a header, nothing in it) becomes a register only through init.
    if (!options.create) {
      throw new DatabaseOpenError('NOT_CUSTODIAN', `${path} is an empty SQLite database, not a Custodian register; run "custodian init --db ${path}" to make it one. It was left unchanged.`);
    }
  }
  if (version > latest) throw newerVersion(path, version, latest);

  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (options.readonly) return { schemaVersion: version, migratedFrom: version };

  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  if (applicationId !== CUSTODIAN_APPLICATION_ID) db.pragma(`application_id = ${CUSTODIAN_APPLICATION_ID}`);
  if (options.migrate === false) return { schemaVersion: version, migratedFrom: version };
  return { schemaVersion: runMigrations(db, list, version), migratedFrom: version };
}

export function runMigrations(db: Database, list: readonly Migration[], from: number): number {
  let current = from;
  for (const migration of list) {
    if (migration.version <= current) continue;
    const step = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      step.immediate();
    } catch (error) {
      throw new DatabaseOpenError(
        'CORRUPT',
        `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}. ` +
          `The register was left at schema ${current}.`,
      );
    }
    current = migration.version;
  }
  return current;
}
