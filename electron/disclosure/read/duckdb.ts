import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DisclosureInputError } from '../../../shared/disclosure/input-error';

/**
 * DuckDB reads Parquet (and counts record-level files) for Custodian. Its native binding is large,
 * so it is imported only when a Parquet file is given: every other command starts as before.
 */
export async function openDuckDb(options: { threads?: number } = {}): Promise<{ connection: DuckDBConnection; close: () => void }> {
  // require() rather than import(): Node then skips scanning the CommonJS package for the names it
  // exports, a tenth of a second at every start.
  const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;
  // In memory, with no extension downloads: the data never leaves this machine and no network is used.
  // A thread count, where given, bounds the CPU time a job may take from the rest of the machine.
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    ...(options.threads ? { threads: String(options.threads) } : {}),
  });
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function withDuckDb<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const { connection, close } = await openDuckDb();
  try {
    return await work(connection);
  } finally {
    close();
  }
}

/** A file path as an SQL string literal (paths may hold quotes). */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A column name as an SQL identifier. */
export const sqlName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** DuckDB's own message for a file it cannot read, as the one line the user sees. */
export function parquetProblem(error: unknown): DisclosureInputError {
  if (error instanceof DisclosureInputError) return error;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new DisclosureInputError(`the file cannot be read as Parquet (${message.replace(/^[A-Za-z ]+Error: /, '')})`);
}
