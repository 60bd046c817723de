import type { DuckDBValue } from '@duckdb/node-api';
import { openDuckDb, parquetProblem, sqlString } from './duckdb';
import { hashFile } from './hash-file';
import type { RawCell, RawRow, RowSource } from './row-source';

/**
 * Streams the rows of a Parquet file through DuckDB, as the same raw rows a CSV gives: the column
 * names first (row 1), then each record as row 2, 3, … (as a spreadsheet would number them), so the
 * table reader's checks and their "row N, column X" messages apply unchanged.
 */
export async function openParquetRows(path: string, totalBytes: number): Promise<RowSource> {
  const sha256 = await hashFile(path);
  let rowsRead = 0;
  let total = 0;

  async function* batches(): AsyncGenerator<RawRow[]> {
    // The connection stays open while the rows are consumed, chunk by chunk (about 2,000 rows), and
    // closes when they end or the reader stops early: memory stays flat however long the file is.
    const { connection, close } = await openDuckDb();
    try {
      let result;
      try {
        const from = `read_parquet(${sqlString(path)})`;
        total = Number((await connection.runAndReadAll(`SELECT count(*) FROM ${from}`)).getRows()[0]![0]);
        result = await connection.stream(`SELECT * FROM ${from}`);
      } catch (error) {
        throw parquetProblem(error);
      }
      yield [{ cells: result.columnNames(), sourceRow: 1 }];
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const rows = chunk.getRows();
        const batch = new Array<RawRow>(rows.length);
        for (let i = 0; i < rows.length; i++) batch[i] = { cells: rows[i]!.map(toRawCell), sourceRow: rowsRead + i + 2 };
        rowsRead += rows.length;
        yield batch;
      }
    } finally {
      close();
    }
  }

  return {
    description: { format: 'parquet' },
    batches: batches(),
    // Progress by records: a Parquet file is not read front to back, so bytes say little.
    progress: () => ({ bytesRead: total ? Math.round((rowsRead / total) * totalBytes) : 0, totalBytes }),
    sha256: () => sha256,
  };
}

/** A Parquet value as a cell: numbers stay numbers (when exact); dates, decimals and text as text. */
export function toRawCell(value: DuckDBValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
