import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openParquetRows } from './parquet-rows';
import type { RowSource } from './row-source';

/**
 * A dropped Parquet file arrives as bytes, but DuckDB reads Parquet from a file: the bytes go to a
 * private temporary directory (mode 0700 via mkdtemp) for as long as the rows are being read, and are
 * removed when the reading ends, however it ends.
 */
export async function openParquetBytes(bytes: Uint8Array): Promise<RowSource> {
  const directory = mkdtempSync(join(tmpdir(), 'custodian-parquet-'));
  const remove = () => rmSync(directory, { recursive: true, force: true });
  try {
    const path = join(directory, 'table.parquet');
    writeFileSync(path, bytes, { mode: 0o600 });
    const source = await openParquetRows(path, bytes.byteLength);
    async function* batches() {
      try {
        yield* source.batches;
      } finally {
        remove();
      }
    }
    return { ...source, batches: batches() };
  } catch (error) {
    remove();
    throw error;
  }
}
