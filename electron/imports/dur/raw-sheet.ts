import { columnLetter, DurImportError, type DurPlace } from './dur-import-error';
import type { DurSheetName } from './dur-sheets';

/** A cell's value as read from XLSX or CSV: text, a number, a flag, or a date (XLSX date cells). */
export type RawCell = string | number | boolean | Date | null;

/** One sheet of the Data Uses Register as read from a workbook or a CSV file. */
export interface RawSheet {
  sheet: DurSheetName;
  /** The file's name (for messages) and its path (to hash it for the audit log). */
  file: string;
  path: string;
  /** The header row's number and its cells, by position (1-based). */
  headerRow: number;
  headers: readonly string[];
  /** Data rows, each with its spreadsheet row number; blank rows are left out. */
  rows: readonly RawRow[];
}

export interface RawRow {
  row: number;
  /** Cells by position (0-based, aligned with `headers`). */
  cells: readonly RawCell[];
}

/**
 * Headers are matched by their letters and digits only, ignoring case, spaces and punctuation, so
 * "Sole / Joint Data Controller" and "Patient Opt Outs Applied" match the names NHS England uses.
 */
export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The row within the first rows that holds the column headers: the first naming `Reference Number`. */
export function findHeaderRow(rows: readonly (readonly RawCell[])[], file: string, sheet: string, searchRows = 20): number {
  const key = headerKey('Reference Number');
  const index = rows.slice(0, searchRows).findIndex((cells) => cells.some((c) => typeof c === 'string' && headerKey(c) === key));
  if (index < 0) {
    throw new DurImportError({ file, sheet }, `no header row naming "Reference Number" in the first ${searchRows} rows; is this a Data Uses Register ${sheet} sheet?`);
  }
  return index;
}

export const isBlankRow = (cells: readonly RawCell[]): boolean => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Finds the columns a reader needs in a sheet: required ones must be there (all missing ones are
 * named at once), optional ones may be; any other column is ignored.
 */
export function locateColumns<Name extends string>(
  sheet: RawSheet,
  required: readonly Name[],
  optional: readonly Name[],
): { index: Partial<Record<Name, number>>; place: (row: number, column: Name) => DurPlace } {
  const byKey = new Map<string, number>();
  sheet.headers.forEach((header, i) => {
    const key = headerKey(header);
    if (key && !byKey.has(key)) byKey.set(key, i);
  });
  const missing = required.filter((name) => !byKey.has(headerKey(name)));
  if (missing.length > 0) {
    const list = missing.map((m) => `"${m}"`).join(', ');
    throw new DurImportError(
      { file: sheet.file, sheet: sheet.sheet, row: sheet.headerRow },
      `the ${missing.length === 1 ? 'column' : 'columns'} ${list} ${missing.length === 1 ? 'is' : 'are'} missing from the header row; add ${missing.length === 1 ? 'it' : 'them'} with NHS England's names`,
    );
  }
  const index: Partial<Record<Name, number>> = {};
  for (const name of [...required, ...optional]) {
    const at = byKey.get(headerKey(name));
    if (at !== undefined) index[name] = at;
  }
  const place = (row: number, column: Name): DurPlace => {
    const at = index[column];
    return {
      file: sheet.file,
      sheet: sheet.sheet,
      row,
      column: at !== undefined ? (sheet.headers[at] ?? column) : column,
      ...(at !== undefined ? { columnLetter: columnLetter(at + 1) } : {}),
    };
  };
  return { index, place };
}

/** One data row as a sheet reader sees it: cells and places by column name. */
export interface RowAccess<Name extends string> {
  /** The row as a whole (no column), for problems that concern the row. */
  place: DurPlace;
  cell(column: Name): RawCell;
  at(column: Name): DurPlace;
}

/** Locates the columns, then reads each data row with `read`; a missing optional column reads as blank. */
export function readRows<Name extends string, T>(
  sheet: RawSheet,
  columns: { required: readonly Name[]; optional: readonly Name[] },
  read: (row: RowAccess<Name>) => T,
): T[] {
  const { index, place } = locateColumns(sheet, columns.required, columns.optional);
  return sheet.rows.map(({ row, cells }) =>
    read({
      place: { file: sheet.file, sheet: sheet.sheet, row },
      cell: (column) => {
        const at = index[column];
        return at === undefined ? null : (cells[at] ?? null);
      },
      at: (column) => place(row, column),
    }),
  );
}
