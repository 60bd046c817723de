/**
 * The part of a database connection the services use: exactly the subset of better-sqlite3's
 * `Database` that the register code calls, so better-sqlite3 satisfies it as it is (no wrapper on
 * SQLite's hot paths) and the PostgreSQL store (postgres/postgres-connection.ts) implements the same
 * calls synchronously. Code that needs something SQLite alone has (an online backup, a pragma that
 * only SQLite understands) asks `registerStore(db)` first.
 */
export interface RegisterRunResult {
  changes: number;
}

export interface RegisterStatement {
  /** True when the statement returns rows. */
  readonly reader: boolean;
  run(...params: unknown[]): RegisterRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows as their first column's value. */
  pluck(toggle?: boolean): this;
  /** Rows as arrays of values, in column order. */
  raw(toggle?: boolean): this;
  expand(toggle?: boolean): this;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...params: any[]) => unknown;
type ArgumentsOf<F extends AnyFunction> = F extends (...args: infer A) => unknown ? A : never;

/** A function run in a transaction: BEGIN (or a savepoint when nested), COMMIT, ROLLBACK on a throw. */
export interface RegisterTransaction<F extends AnyFunction> {
  (...args: ArgumentsOf<F>): ReturnType<F>;
  /** Takes the write lock at the start (SQLite's BEGIN IMMEDIATE), so the reads in it see what it writes over. */
  immediate(...args: ArgumentsOf<F>): ReturnType<F>;
  deferred(...args: ArgumentsOf<F>): ReturnType<F>;
}

export interface RegisterConnection {
  readonly inTransaction: boolean;
  prepare(sql: string): RegisterStatement;
  /** Runs one or more statements without parameters. */
  exec(sql: string): this;
  // The same signature as better-sqlite3's, so its Database is a RegisterConnection.
  transaction<F extends AnyFunction>(fn: F): RegisterTransaction<F>;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  close(): this;
}

export type RegisterStore = 'sqlite' | 'postgres';

/** Set by the PostgreSQL connection; better-sqlite3's Database has no such property. */
export const STORE_TAG = Symbol.for('custodian.registerStore');

export function registerStore(db: RegisterConnection): RegisterStore {
  return (db as { [STORE_TAG]?: RegisterStore })[STORE_TAG] ?? 'sqlite';
}

/** The database login a PostgreSQL register knows this connection by; null for SQLite, which has none. */
export function databaseLogin(db: RegisterConnection): string | null {
  return (db as { login?: string }).login ?? null;
}
