import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DurImportError } from './dur-import-error';
import { durSheetNames, type DurSheetName } from './dur-sheets';
import { findHeaderRow, headerKey, isBlankRow, type RawCell, type RawSheet } from './raw-sheet';

/**
 * Which sheet a CSV file holds, from its name: the name (without .csv) must end with the sheet's
 * name, ignoring case, spaces and punctuation: `Agreements.csv`, `DUR 2025-06 Data Releases.csv`.
 */
export function sheetOfCsvFile(path: string): DurSheetName | null {
  const key = headerKey(basename(path, extname(path)));
  // Longest names first, so "DataReleases" is never mistaken for a shorter name it ends with.
  const byLength = [...durSheetNames].sort((a, b) => b.length - a.length);
  return byLength.find((sheet) => key.endsWith(headerKey(sheet))) ?? null;
}

/**
 * Reads one sheet saved as CSV. Excel saves "CSV UTF-8" with a byte-order mark and plain "CSV" in
 * the Windows code page, so text that is not valid UTF-8 is read as Windows-1252. Row numbers count
 * records as Excel would show them when it opens the file.
 */
export function readDurCsv(path: string, sheet: DurSheetName): RawSheet {
  const file = basename(path);
  const text = decodeCsv(readFileSync(path));
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, relax_quotes: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DurImportError({ file, sheet, ...(line ? { row: line } : {}) }, `is not valid CSV (${(error as Error).message}); save the sheet from Excel as CSV again`);
  }
  const rows: RawCell[][] = records.map((cells) => cells.map((c) => (c === '' ? null : c)));
  const headerIndex = findHeaderRow(rows, file, sheet);
  const headers = (records[headerIndex] ?? []).map((c) => c.trim());
  const dataRows = rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(headerIndex + 1)
    .filter((r) => !isBlankRow(r.cells));
  return { sheet, file, path, headerRow: headerIndex + 1, headers, rows: dataRows };
}

export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}
