import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { DurImportError } from './dur-import-error';
import { durSheetNames, type DurSheetName } from './dur-sheets';
import { findHeaderRow, headerKey, isBlankRow, type RawCell, type RawSheet } from './raw-sheet';

/**
 * Reads the Data Uses Register sheets from an XLSX workbook with exceljs. Sheets are found by name
 * (ignoring case and spaces); a sheet that is not there is left out, and the caller decides whether
 * it was needed. Formulas give their cached result, rich text its plain text, date cells a Date.
 */
export async function readDurWorkbook(path: string): Promise<RawSheet[]> {
  const file = basename(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new DurImportError({ file }, `cannot be read as an XLSX workbook (${(error as Error).message}); save it from Excel as .xlsx and try again`);
  }
  const sheets: RawSheet[] = [];
  for (const sheet of durSheetNames) {
    const worksheet = workbook.worksheets.find((w) => headerKey(w.name) === headerKey(sheet));
    if (worksheet) sheets.push(readWorksheet(worksheet, path, sheet));
  }
  return sheets;
}

function readWorksheet(worksheet: ExcelJS.Worksheet, path: string, sheet: DurSheetName): RawSheet {
  const file = basename(path);
  const width = worksheet.columnCount;
  const rows: RawCell[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(rawCell(row.getCell(c).value));
    rows.push(cells);
  }
  const headerIndex = findHeaderRow(rows, file, sheet);
  const headers = (rows[headerIndex] ?? []).map((c) => (c === null ? '' : String(c).trim()));
  const dataRows = rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(headerIndex + 1)
    .filter((r) => !isBlankRow(r.cells));
  return { sheet, file, path, headerRow: headerIndex + 1, headers, rows: dataRows };
}

/** A cell's value as plain data. */
export function rawCell(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return rawCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    if (typeof text === 'string') return text;
    return rawCell(text as ExcelJS.CellValue);
  }
  if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  return null;
}
