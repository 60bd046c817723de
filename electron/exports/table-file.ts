import ExcelJS from 'exceljs';
import { extname } from 'node:path';
import { UserFacingError } from '../../shared/ipc/result';
import { safeCell, type ExportValue } from '../../shared/exports/spreadsheet-safety';
import { writeFileSync } from 'node:fs';

export const tableFormats = ['xlsx', 'csv'] as const;
export type TableFormat = (typeof tableFormats)[number];

export interface TableSheet {
  /** The worksheet's name (at most 31 characters, as Excel allows). */
  name: string;
  columns: readonly { header: string; width?: number }[];
  rows: readonly (readonly ExportValue[])[];
}

/** The format a file name asks for, from its extension; anything else is refused with what to do. */
export function tableFormatOf(path: string): TableFormat {
  const extension = extname(path).toLowerCase().slice(1);
  if ((tableFormats as readonly string[]).includes(extension)) return extension as TableFormat;
  throw new UserFacingError('BAD_REQUEST', `${path}: the file name must end in .xlsx or .csv, which decides the format`);
}

/**
 * Writes tables as a spreadsheet of values only: no formulas, hidden sheets or comments; text that
 * would start a formula neutralised; numbers as numbers. XLSX holds every sheet (the first is the
 * main table); CSV holds the first sheet only, UTF-8 with a byte-order mark so Excel reads accents,
 * with Windows line ends. Write to a temporary path and rename it into place (run-export.ts does),
 * so the file appears whole or not at all.
 */
export async function writeTableFile(path: string, format: TableFormat, sheets: readonly TableSheet[]): Promise<void> {
  if (format === 'csv') {
    const [main] = sheets;
    const lines = main ? [csvLine(main.columns.map((c) => c.header)), ...main.rows.map(csvLine)] : [];
    writeFileSync(path, `\ufeff${lines.join('\r\n')}\r\n`);
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Custodian';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({ width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)) }));
    const header = worksheet.addRow(sheet.columns.map((c) => safeCell(c.header)));
    header.font = { bold: true };
    header.commit();
    for (const row of sheet.rows) worksheet.addRow(row.map(safeCell)).commit();
    worksheet.commit();
  }
  await workbook.commit();
}

/**
 * One CSV record (RFC 4180): safe values, a field quoted when it holds a comma, quote or line break
 * (quotes doubled), numbers written plainly. Written by hand because it runs for every row of a
 * 100,000-copy export, where a general-purpose CSV writer costs several times more.
 */
export function csvLine(values: readonly ExportValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    const cell = safeCell(values[i]);
    if (cell === null) continue;
    if (typeof cell === 'number') line += String(cell);
    else line += /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line;
}
