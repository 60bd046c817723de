import type { ClientConfig } from 'pg';
import { STORE_TAG, type RegisterConnection, type RegisterRunResult, type RegisterStatement, type RegisterTransaction } from '../register-connection';
import { bindParameters, translateSql, type TranslatedSql } from './postgres-sql';
import { refusalByRole, INSUFFICIENT_PRIVILEGE } from './postgres-roles';
import { PostgresError, SyncPostgresClient, type QueryReply } from './sync-client';

/**
 * The key of the advisory lock every transaction takes first. SQLite lets one writer in at a time
 * (BEGIN IMMEDIATE); this gives a PostgreSQL register the same rule, so a change's checks (unique
 * values, references) and its audit entry's place in the chain are decided with no other writer in
 * between: two clients never both append entry N+1.
 */
export const REGISTER_WRITE_LOCK = 0x43555354; // "CUST"

class PostgresStatement implements RegisterStatement {
  readonly reader: boolean;
  private mode: 'object' | 'raw' | 'pluck' = 'object';

  constructor(
    private readonly connection: PostgresConnection,
    private readonly sql: TranslatedSql,
  ) {
    this.reader = sql.reader;
  }

  run(...params: unknown[]): RegisterRunResult {
    const reply = this.connection.query(this.sql.text, bindParameters(this.sql.placeholders, params));
    return { changes: reply.rowCount };
  }

  get(...params: unknown[]): unknown {
    return this.rows(params)[0];
  }

  all(...params: unknown[]): unknown[] {
    return this.rows(params);
  }

  pluck(toggle = true): this {
    this.mode = toggle ? 'pluck' : this.mode === 'pluck' ? 'object' : this.mode;
    return this;
  }

  raw(toggle = true): this {
    this.mode = toggle ? 'raw' : this.mode === 'raw' ? 'object' : this.mode;
    return this;
  }

  expand(): this {
    return this;
  }

  private rows(params: unknown[]): unknown[] {
    if (!this.reader) throw new TypeError('This statement does not return data. Use run() instead');
    const values = bindParameters(this.sql.placeholders, params);
    if (this.mode === 'object') return this.connection.query(this.sql.text, values).rows;
    const rows = this.connection.query(this.sql.text, values, 'array').rows as unknown[][];
    return this.mode === 'pluck' ? rows.map((row) => row[0]) : rows;
  }
}

/**
 * A register in PostgreSQL behind the same synchronous calls as better-sqlite3 (see
 * register-connection.ts). Transactions are BEGIN/COMMIT on the one connection, savepoints when
 * nested, and each outermost one takes the register's write lock first.
 */
export class PostgresConnection implements RegisterConnection {
  readonly [STORE_TAG] = 'postgres' as const;
  readonly client: SyncPostgresClient;
  private depth = 0;

  /** The database login (`session_user`): the name the audit log records for this connection's changes. */
  readonly login: string;

  constructor(config: ClientConfig) {
    this.client = new SyncPostgresClient(config);
    try {
      this.login = (this.client.query('SELECT session_user AS login').rows[0] as { login: string }).login;
    } catch (error) {
      this.client.close();
      throw error;
    }
  }

  /** A statement's query; a refusal for want of privilege is reported naming the role it needs. */
  query(text: string, values: readonly unknown[], rowMode?: 'array'): QueryReply {
    try {
      return this.client.query(text, values, rowMode);
    } catch (error) {
      if (error instanceof PostgresError && error.code === INSUFFICIENT_PRIVILEGE) throw refusalByRole(error.message, this.login);
      throw error;
    }
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  prepare(sql: string): RegisterStatement {
    return new PostgresStatement(this, translateSql(sql));
  }

  exec(sql: string): this {
    this.client.query(sql);
    return this;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  transaction<F extends (...params: any[]) => unknown>(fn: F): RegisterTransaction<F> {
    const run = (...args: unknown[]) => this.inTransactionDo(() => (fn as (...params: unknown[]) => unknown)(...args));
    return Object.assign(run, { immediate: run, deferred: run }) as unknown as RegisterTransaction<F>;
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const pragma = source.trim().toLowerCase().replace(/\s+/g, ' ');
    const simple = (value: unknown, column: string) => (options.simple ? value : [{ [column]: value }]);
    if (pragma === 'user_version') return simple(this.schemaVersion(), 'user_version');
    if (pragma === 'defer_foreign_keys = on') {
      this.client.query('SET CONSTRAINTS ALL DEFERRED');
      return [];
    }
    // PostgreSQL checks its own pages and enforces every reference at commit; there is no
    // separate check to run.
    if (pragma === 'integrity_check') return simple('ok', 'integrity_check');
    if (pragma === 'foreign_key_check') return [];
    throw new Error(`PRAGMA ${source} is SQLite's; the PostgreSQL register has no equivalent.`);
  }

  close(): this {
    this.client.close();
    return this;
  }

  /** The register's schema version (the same numbers as SQLite's user_version), 0 before init. */
  schemaVersion(): number {
    const exists = this.client.query("SELECT to_regclass('custodian_schema') IS NOT NULL AS present").rows[0] as { present: number };
    if (!exists.present) return 0;
    const row = this.client.query('SELECT register_version FROM custodian_schema WHERE id = 1').rows[0] as { register_version: number } | undefined;
    return row?.register_version ?? 0;
  }

  private inTransactionDo<T>(work: () => T): T {
    const before = this.depth;
    const outermost = before === 0;
    const savepoint = `custodian_${before}`;
    if (outermost) {
      this.client.query('BEGIN');
      try {
        this.client.query(`SELECT pg_advisory_xact_lock(${REGISTER_WRITE_LOCK})`);
      } catch (error) {
        this.client.query('ROLLBACK');
        throw error;
      }
    } else this.client.query(`SAVEPOINT ${savepoint}`);
    this.depth = before + 1;
    let result: T;
    try {
      result = work();
      if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
    } catch (error) {
      this.depth = before;
      try {
        if (outermost) this.client.query('ROLLBACK');
        else this.client.query(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
      } catch {
        // The connection itself failed; the error that got us here says more.
      }
      throw error;
    }
    this.depth = before;
    // A COMMIT that fails (a deferred reference broken) has rolled the transaction back already.
    this.client.query(outermost ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
    return result;
  }
}
