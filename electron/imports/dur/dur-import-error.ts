/** Where in the Data Uses Register a value came from, as a person would look for it in Excel. */
export interface DurPlace {
  /** The file read (a workbook or one CSV file). */
  file: string;
  /** The sheet, when the problem is inside one. */
  sheet?: string;
  /** The row number as the spreadsheet shows it (the header is usually row 1). */
  row?: number;
  /** The column's header, as written in the file. */
  column?: string;
  /** The column's letter (A, B, … AA), as the spreadsheet shows it. */
  columnLetter?: string;
}

/**
 * A problem in the imported file. The message is one line that names the sheet, row and column,
 * says what is wrong and what to do; the import stops at the first one and writes nothing.
 */
export class DurImportError extends Error {
  constructor(
    readonly place: DurPlace,
    readonly problem: string,
  ) {
    super(`${describePlace(place)}: ${problem}`);
    this.name = 'DurImportError';
  }
}

export function describePlace(place: DurPlace): string {
  const parts = [`${place.file}`];
  if (place.sheet && !place.file.toLowerCase().endsWith('.csv')) parts.push(`sheet ${place.sheet}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) parts.push(`column "${place.column}"${place.columnLetter ? ` (${place.columnLetter})` : ''}`);
  return parts.join(', ');
}

/** "A" for 1, "Z" for 26, "AA" for 27: how spreadsheets name columns. */
export function columnLetter(position: number): string {
  let n = position;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
