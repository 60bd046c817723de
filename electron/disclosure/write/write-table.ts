import type { CountTable } from '../../../shared/disclosure/table';
import { createCsvWriter } from './csv-writer';
import type { OutputFormat } from './table-writer';
import { createXlsxWriter } from './xlsx-writer';

/** Writes a table as it is (a tabulation before protection), atomically, with no legend. */
export async function writeUnprotectedTable(path: string, format: OutputFormat, table: CountTable): Promise<void> {
  const writer = format === 'xlsx' ? createXlsxWriter(path) : createCsvWriter(path, table.labelColumns.length + table.countColumns.length);
  try {
    await writer.writeRow([...table.labelColumns, ...table.countColumns]);
    for (const row of table.rows) await writer.writeRow([...row.labels, ...row.counts]);
    (await writer.finish([])).commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
