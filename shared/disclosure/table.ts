/**
 * The table model. A table is label columns (text) and count columns (whole numbers); long format
 * (`area,sex,count`) and wide format (`area,Female,Male,Total`) are the same thing: every
 * (row, count column) pair is one cell. Cells are numbered row-major: `row * countColumns + column`.
 */
export interface TableRow {
  labels: string[];
  counts: number[];
  /** 1-based line (CSV) or row (XLSX) in the source, for messages that point at the input. */
  sourceRow: number;
}

export interface CountTable {
  labelColumns: string[];
  countColumns: string[];
  rows: TableRow[];
}

export interface NationalMarker {
  column: string;
  value: string;
}

export interface TableOptions {
  /**
   * Labels that mark a total (trimmed, any case): a row with one in a label column totals the rows it
   * covers; a count column so headed totals its row. Several are allowed (`Total` for one dimension,
   * `All` for another).
   */
  totalLabels: readonly string[];
  /** Rows whose label in `column` equals `value` are national figures. */
  national: NationalMarker | null;
  /** Add each count column's share of the row's Total column (wide tables with a Total column). */
  percentages?: boolean;
}

export const defaultTotalLabel = 'Total';

export const defaultTableOptions: TableOptions = { totalLabels: [defaultTotalLabel], national: null };

const normalisedLabel = (text: string) => text.trim().toLocaleLowerCase('en-GB');

export function isTotalLabel(text: string, totalLabels: string | readonly string[]): boolean {
  const label = normalisedLabel(text);
  if (typeof totalLabels === 'string') return label === normalisedLabel(totalLabels);
  return totalLabels.some((total) => label === normalisedLabel(total));
}

/** The Disclosure screen's one text field for total labels: "Total, All" names two. */
export function splitTotalLabels(text: string): string[] {
  return text
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label.length > 0);
}

/** "Total" or "Total" and "All": how messages name the total labels. */
export function describeTotalLabels(totalLabels: readonly string[]): string {
  const quoted = totalLabels.map((label) => `"${label}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '""') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export const cellCount = (table: CountTable): number => table.rows.length * table.countColumns.length;

/** Where a cell sits, for messages and reports. */
export interface CellAddress {
  row: number;
  column: number;
}

export const cellAddress = (table: CountTable, cell: number): CellAddress => ({
  row: Math.floor(cell / table.countColumns.length),
  column: cell % table.countColumns.length,
});

export const cellValue = (table: CountTable, cell: number): number => {
  const { row, column } = cellAddress(table, cell);
  return table.rows[row]!.counts[column]!;
};

/**
 * The keys of a cell by column name: its row's labels, plus the count column's name when the table
 * has more than one (wide format). `{ area: 'Leeds', sex: 'Female' }`.
 */
export function cellKeys(table: CountTable, cell: number): Record<string, string> {
  const { row, column } = cellAddress(table, cell);
  const keys: Record<string, string> = {};
  table.labelColumns.forEach((name, i) => (keys[name] = table.rows[row]!.labels[i]!));
  if (table.countColumns.length > 1) keys[countDimensionKey(table)] = table.countColumns[column]!;
  return keys;
}

/** The name under which the count column of a wide table appears among a cell's keys. */
export function countDimensionKey(table: CountTable): string {
  return table.labelColumns.includes('column') ? '(column)' : 'column';
}

/** "Leeds/Female": how people name a cell. */
export function describeCell(table: CountTable, cell: number): string {
  return Object.values(cellKeys(table, cell)).join('/');
}

/** Which rows are national, by the marker; an unknown column is the caller's mistake, reported there. */
export function nationalRows(table: CountTable, national: NationalMarker | null): boolean[] {
  if (!national) return table.rows.map(() => false);
  const index = table.labelColumns.indexOf(national.column);
  if (index < 0) return table.rows.map(() => false);
  const wanted = national.value.trim().toLocaleLowerCase('en-GB');
  return table.rows.map((row) => row.labels[index]!.trim().toLocaleLowerCase('en-GB') === wanted);
}
