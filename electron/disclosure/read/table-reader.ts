import { DisclosureInputError } from '../../../shared/disclosure/input-error';
import { isTotalLabel, type CountTable, type TableRow } from '../../../shared/disclosure/table';
import { openRows } from './open-rows';
import type { RawCell, RawRow, SourceDescription } from './row-source';
import type { TableInput } from './table-input';

/**
 * Turns raw rows into the table model, checking every value on the way. Which columns hold counts
 * is decided from a sample: the count columns are the trailing columns whose values are mostly
 * numbers; the label columns come before them. After that the rule is strict: any value in a count
 * column that is not a whole number ≥ 0 is refused with its row and column.
 */
export interface TableLayout {
  labelColumns: string[];
  countColumns: string[];
}

export interface TableReader {
  layout: TableLayout;
  description: SourceDescription;
  /** Validated rows in batches, streamed (the sample first). */
  batches: AsyncIterable<TableRow[]>;
  /**
   * Up to `limit` of the first rows, checked, before `batches` is read: what the screen shows while
   * the rest is read. Stops short of a row that would be refused (the pass reports it in its turn).
   */
  firstRows(limit: number): TableRow[];
  /** Stops reading (closing the file) when the rows will not be wanted. */
  close(): Promise<void>;
  progress(): { bytesRead: number; totalBytes: number };
  sha256(): string;
}

const sampleSize = 1000;

export async function openTable(input: TableInput, options: { sheet?: string; totalLabels: readonly string[] }): Promise<TableReader> {
  if (input.kind === 'table') return builtTableReader(input.table, input.sha256);
  const source = await openRows(input, options.sheet);
  const iterator = source.batches[Symbol.asyncIterator]();
  // Rows already fetched but not yet handed on (from index `at`); the header and sample come from here.
  let pending: RawRow[] = [];
  let at = 0;
  const nextRow = async (): Promise<RawRow | null> => {
    while (at >= pending.length) {
      const next = await iterator.next();
      if (next.done) return null;
      pending = next.value;
      at = 0;
    }
    return pending[at++]!;
  };
  const first = await nextRow();
  if (!first) throw new DisclosureInputError('the file is empty; choose the file that holds the table');
  const header = readHeader(first);
  const sample: RawRow[] = [];
  while (sample.length < sampleSize) {
    const row = await nextRow();
    if (!row) break;
    if (!isBlank(row)) sample.push(row);
  }
  if (sample.length === 0) throw new DisclosureInputError('the table has a header but no rows', { row: first.sourceRow });
  const layout = classifyColumns(header, sample, options.totalLabels);
  const convert = (rows: RawRow[]) => {
    const converted: TableRow[] = [];
    for (const row of rows) if (!isBlank(row)) converted.push(toTableRow(row, header, layout));
    return converted;
  };

  async function* batches(): AsyncGenerator<TableRow[]> {
    yield convert(sample.splice(0));
    const rest = pending.slice(at);
    pending = []; // the first batch is not kept for the whole run
    if (rest.length > 0) yield convert(rest);
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield convert(next.value);
    }
  }
  const firstRows = (limit: number) => {
    const rows: TableRow[] = [];
    for (const row of sample) {
      if (rows.length >= limit) break;
      try {
        if (!isBlank(row)) rows.push(toTableRow(row, header, layout));
      } catch {
        break;
      }
    }
    return rows;
  };
  const close = async () => {
    await iterator.return?.();
  };
  return { layout, description: source.description, batches: batches(), firstRows, close, progress: source.progress, sha256: source.sha256 };
}

function readHeader(row: RawRow): string[] {
  const names = row.cells.map((cell) => (cell === null ? '' : String(cell).trim()));
  // Trailing empty header cells (a spreadsheet's formatted but empty columns) are not columns.
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  if (names.length === 0) throw new DisclosureInputError('the first row is empty; it must name the columns', { row: row.sourceRow });
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (!name) throw new DisclosureInputError(`column ${i + 1} has no name in the header; name every column`, { row: row.sourceRow });
    const key = name.toLocaleLowerCase('en-GB');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new DisclosureInputError(`the header names "${name}" twice (columns ${earlier + 1} and ${i + 1}); column names must be unique`, {
        row: row.sourceRow,
      });
    }
    seen.set(key, i);
  });
  return names;
}

function isBlank(row: RawRow): boolean {
  for (const cell of row.cells) if (cell !== null && (typeof cell !== 'string' || cell.trim() !== '')) return false;
  return true;
}

const numberPattern = /^[+-]?\d+(\.\d+)?$/;
/**
 * A whole number written with thousands separators, as spreadsheets export them ("1,234"). Read as a
 * count: taking such a column for labels would publish its small counts untouched.
 */
const groupedWholePattern = /^\+?\d{1,3}(,\d{3})+$/;

function looksNumeric(cell: RawCell): boolean {
  if (typeof cell === 'number') return true;
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  return numberPattern.test(text) || groupedWholePattern.test(text);
}

function classifyColumns(header: string[], sample: RawRow[], totalLabels: readonly string[]): TableLayout {
  const countish = header.map((_, column) => {
    let numbers = 0;
    let texts = 0;
    for (const row of sample) {
      // A ragged row says nothing reliable about columns; it is reported when its turn comes.
      if (row.cells.length !== header.length) continue;
      const cell = row.cells[column] ?? null;
      if (cell === null || (typeof cell === 'string' && (cell.trim() === '' || isTotalLabel(cell, totalLabels)))) continue;
      if (looksNumeric(cell)) numbers++;
      else texts++;
    }
    // The last column must hold counts if anything does, so a stray word there is reported in place.
    return column === header.length - 1 ? numbers > 0 : numbers > texts;
  });
  let firstCount = header.length;
  while (firstCount > 0 && countish[firstCount - 1]) firstCount--;
  if (firstCount === header.length) {
    const last = header[header.length - 1]!;
    const example = sample.find((row) => row.cells[header.length - 1] !== null && !looksNumeric(row.cells[header.length - 1]!));
    throw new DisclosureInputError(
      `no count column: the last column "${last}" holds text${example ? ` (row ${example.sourceRow}: "${String(example.cells[header.length - 1])}")` : ''}; a table is label columns followed by count columns of whole numbers`,
    );
  }
  return { labelColumns: header.slice(0, firstCount), countColumns: header.slice(firstCount) };
}

function toTableRow(raw: RawRow, header: string[], layout: TableLayout): TableRow {
  const width = header.length;
  let length = raw.cells.length;
  // Trailing empty cells beyond the header are harmless (Excel pads rows); values there are not.
  while (length > width && (raw.cells[length - 1] === null || raw.cells[length - 1] === '')) length--;
  if (length !== width) {
    throw new DisclosureInputError(`the row has ${length} values but the header has ${width}; every row needs one value per column`, {
      row: raw.sourceRow,
    });
  }
  const labelCount = layout.labelColumns.length;
  const labels: string[] = [];
  for (let i = 0; i < labelCount; i++) {
    const cell = raw.cells[i];
    // Kept exactly as written (matching of Total and national labels ignores surrounding spaces).
    labels.push(cell === null || cell === undefined ? '' : String(cell));
  }
  const counts: number[] = [];
  for (let i = labelCount; i < width; i++) counts.push(parseCount(raw.cells[i] ?? null, raw.sourceRow, header[i]!));
  return { labels, counts, sourceRow: raw.sourceRow };
}

const wholePattern = /^\+?\d+(\.0+)?$/;

/** A count: a whole number ≥ 0. Anything else is refused with a message naming what it is. */
export function parseCount(cell: RawCell, row: number, column: string): number {
  const where = { row, column };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new DisclosureInputError(`"${cell}" is not a count`, where);
    if (cell < 0) throw new DisclosureInputError(`the count ${cell} is negative; counts are whole numbers ≥ 0`, where);
    if (!Number.isInteger(cell)) throw new DisclosureInputError(`the count ${cell} is fractional; counts are whole numbers`, where);
    if (!Number.isSafeInteger(cell)) throw new DisclosureInputError(`the count ${cell} is too large`, where);
    return cell;
  }
  const text = cell === null ? '' : cell.trim();
  if (text === '') throw new DisclosureInputError('the count is empty; every count cell needs a whole number (0 if none)', where);
  if (wholePattern.test(text) || groupedWholePattern.test(text)) {
    const value = Number(text.replaceAll(',', ''));
    if (!Number.isSafeInteger(value)) throw new DisclosureInputError(`the count ${text} is too large`, where);
    return value;
  }
  if (/^-\d+(\.\d+)?$/.test(text)) throw new DisclosureInputError(`the count ${text} is negative; counts are whole numbers ≥ 0`, where);
  if (/^\+?\d*\.\d+$/.test(text)) throw new DisclosureInputError(`the count ${text} is fractional; counts are whole numbers`, where);
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  throw new DisclosureInputError(`"${shown}" is text, not a count; count columns hold whole numbers only`, where);
}

/** A table Custodian built itself (by tabulating), read like a file. */
function builtTableReader(table: CountTable, sha256: string): TableReader {
  let read = 0;
  async function* batches(): AsyncGenerator<TableRow[]> {
    for (let start = 0; start < table.rows.length; start += 4096) {
      const batch = table.rows.slice(start, start + 4096);
      read += batch.length;
      yield batch;
    }
  }
  return {
    layout: { labelColumns: table.labelColumns, countColumns: table.countColumns },
    description: { format: 'csv' },
    batches: batches(),
    firstRows: (limit) => table.rows.slice(0, limit),
    close: async () => {},
    progress: () => ({ bytesRead: read, totalBytes: table.rows.length }),
    sha256: () => sha256,
  };
}
