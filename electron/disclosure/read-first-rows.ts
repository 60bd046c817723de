import { statSync } from 'node:fs';
import { firstRowsShown, type FirstRows } from '../../shared/disclosure/first-rows';
import { readHead } from './read/open-rows';
import { sniffFileKind } from './read/sniff';
import { openTable } from './read/table-reader';
import type { WorkerJob } from './worker-protocol';

/**
 * The first rows of a CSV, read in main the moment a preview starts, so that the screen shows them
 * while the worker thread is still starting. CSV only: its first 64 KiB are enough and take
 * milliseconds, whereas a workbook is read whole and Parquet loads DuckDB (the worker sends their
 * first rows when it has them). Null when the table is not a CSV or cannot be read: the worker
 * reports any problem in full.
 */
export async function readFirstRows(input: WorkerJob['input'], totalLabels: readonly string[]): Promise<FirstRows | null> {
  try {
    const head = input.kind === 'path' ? readHead(input.path, 1 << 13) : input.bytes.subarray(0, 1 << 13);
    const size = input.kind === 'path' ? statSync(input.path).size : input.bytes.byteLength;
    if (sniffFileKind(head, size) !== 'text') return null;
    const reader = await openTable(input, { totalLabels });
    try {
      const { labelColumns, countColumns } = reader.layout;
      const rows = reader.firstRows(firstRowsShown).map((row) => ({ row: row.sourceRow, labels: row.labels, counts: row.counts }));
      return { labelColumns, countColumns, rows };
    } finally {
      await reader.close();
    }
  } catch {
    return null;
  }
}
