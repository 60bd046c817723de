import { statSync } from 'node:fs';
import { DisclosureInputError } from '../../shared/disclosure/input-error';
import { defaultTotalLabel, isTotalLabel, type CountTable, type TableRow } from '../../shared/disclosure/table';
import { openRows, readHead } from './read/open-rows';
import type { RawCell, RowSource } from './read/row-source';
import { sniffFileKind, type FileKind } from './read/sniff';
import type { TableInput } from './read/table-input';

/**
 * Builds a count table from record-level data (one row per person or event), streaming, like
 * ACRO's crosstab: counts by the chosen row variables (and optionally one column variable, giving
 * a wide table), with every margin added as Total rows and a Total column, so that the table can
 * then be protected with its totals in view.
 */
export interface TabulateRequest {
  input: Exclude<TableInput, { kind: 'table' }>;
  rows: string[];
  column: string | null;
  totalLabel?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number | null, message: string) => void;
}

export interface Tabulation {
  table: CountTable;
  records: number;
  /** SHA-256 of the record-level input. */
  sha256: string;
}

const missingLabel = '(missing)';

/** What both ways of counting share: which columns are counted and how a value becomes a label. */
export interface CountingPlan {
  resolve(header: string[]): { rowIndexes: number[]; columnIndex: number };
  /** The label a value is counted under, or null when it would be read as a total. */
  label(value: unknown): string | null;
  totalLabelError(value: string, column: string, row: number | null): DisclosureInputError;
}

/** Records counted by every combination of the chosen columns' labels (joined by NUL). */
export interface Counted {
  header: string[];
  rowIndexes: number[];
  columnIndex: number;
  counts: Map<string, number>;
  columnValues: Set<string>;
  records: number;
  headerRow: number;
}

export async function tabulate(request: TabulateRequest): Promise<Tabulation> {
  const totalLabel = request.totalLabel ?? defaultTotalLabel;
  if (request.rows.length === 0) throw new DisclosureInputError('--rows needs at least one column name');
  const plan = countingPlan(request, totalLabel);
  let counted: Counted;
  let sha256: () => string;
  let fast: { counted: Counted; sha256: string } | null = null;
  const path = request.input.kind === 'path' ? request.input.path : null;
  const kind = pathKind(request.input);
  if (path !== null && kind === 'parquet') {
    // Parquet is counted inside DuckDB (loaded only now); the file is hashed as it is for CSV.
    const [{ countParquet }, { hashFile }] = await Promise.all([import('./tabulate-parquet'), import('./read/hash-file')]);
    const [result, hash] = await Promise.all([countParquet(path, plan), hashFile(path)]);
    counted = result;
    sha256 = () => hash;
  } else if (path !== null && kind === 'text' && (fast = await countCsvFast(path, plan))) {
    counted = fast.counted;
    sha256 = () => fast!.sha256;
  } else {
    const source = await openRows(request.input, undefined);
    counted = await countRows(source, plan, request);
    sha256 = source.sha256;
  }
  if (counted.records === 0) throw new DisclosureInputError('the file has a header but no records', { row: counted.headerRow });

  const { header, rowIndexes, columnIndex } = counted;
  const labelColumns = request.rows.map((_, i) => header[rowIndexes[i]!]!);
  const categories = columnIndex >= 0 ? [...counted.columnValues].sort(compareLabels) : ['count'];
  const countColumns = columnIndex >= 0 ? [...categories, totalLabel] : ['count'];
  const table = withMargins(counted.counts, labelColumns, categories, countColumns, totalLabel, columnIndex >= 0);
  return { table, records: counted.records, sha256: sha256() };
}

function countingPlan(request: TabulateRequest, totalLabel: string): CountingPlan {
  return {
    resolve(header) {
      const indexOf = (name: string, option: string) => {
        let i = header.findIndex((h) => h === name);
        if (i < 0) i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
        if (i < 0) throw new DisclosureInputError(`${option} names "${name}", which is not a column; columns: ${header.map((h) => `"${h}"`).join(', ')}`);
        return i;
      };
      const rowIndexes = request.rows.map((name) => indexOf(name, '--rows'));
      const columnIndex = request.column ? indexOf(request.column, '--cols') : -1;
      const all = [...rowIndexes, ...(columnIndex >= 0 ? [columnIndex] : [])];
      if (new Set(all).size !== all.length) throw new DisclosureInputError('a column appears more than once in --rows and --cols');
      return { rowIndexes, columnIndex };
    },
    label(value) {
      const text = value === null || value === undefined ? '' : String(value).trim();
      if (isTotalLabel(text, totalLabel)) return null;
      return text === '' ? missingLabel : text;
    },
    totalLabelError(value, column, row) {
      return new DisclosureInputError(`the value "${value.trim()}" would be read as a total; rename it or choose another --total-label`, {
        ...(row === null ? {} : { row }),
        column,
      });
    },
  };
}

function pathKind(input: TabulateRequest['input']): FileKind | null {
  if (input.kind !== 'path') return null;
  try {
    return sniffFileKind(readHead(input.path, 8192), statSync(input.path).size);
  } catch {
    return null; // unreadable, empty or binary: the row reader gives the message
  }
}

/** A CSV counted in DuckDB when it can be (see tabulate-csv.ts), with the file's hash; else null. */
async function countCsvFast(path: string, plan: CountingPlan): Promise<{ counted: Counted; sha256: string } | null> {
  const [{ countCsvInDuckDb }, { hashFile }] = await Promise.all([import('./tabulate-csv'), import('./read/hash-file')]);
  const [counted, sha256] = await Promise.all([countCsvInDuckDb(path, plan), hashFile(path)]);
  return counted ? { counted, sha256 } : null;
}

/** Counts rows as they stream from a CSV, a sheet or a dropped Parquet file. */
async function countRows(source: RowSource, plan: CountingPlan, request: TabulateRequest): Promise<Counted> {
  const iterator = source.batches[Symbol.asyncIterator]();
  const firstBatch = await iterator.next();
  const firstRow = firstBatch.done ? undefined : firstBatch.value[0];
  if (!firstRow) throw new DisclosureInputError('the file is empty; choose the record-level file to count');
  const header = firstRow.cells.map((c) => (c === null ? '' : String(c).trim()));
  const { rowIndexes, columnIndex } = plan.resolve(header);

  const counts = new Map<string, number>();
  const columnValues = new Set<string>();
  let records = 0;
  const label = (value: unknown, index: number, sourceRow: number): string => {
    const text = plan.label(value);
    if (text === null) throw plan.totalLabelError(String(value), header[index]!, sourceRow);
    return text;
  };
  const count = (cells: RawCell[], sourceRow: number) => {
    if (cells.every((c) => c === null || String(c).trim() === '')) return;
    if (cells.length !== header.length) {
      throw new DisclosureInputError(`the row has ${cells.length} values but the header has ${header.length}`, { row: sourceRow });
    }
    const key = rowIndexes.map((i) => label(cells[i], i, sourceRow));
    const columnValue = columnIndex >= 0 ? label(cells[columnIndex], columnIndex, sourceRow) : 'count';
    columnValues.add(columnValue);
    const joined = [...key, columnValue].join('\u0000');
    counts.set(joined, (counts.get(joined) ?? 0) + 1);
    records++;
  };
  for (const row of firstBatch.value!.slice(1)) count(row.cells, row.sourceRow);
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    for (const row of next.value) count(row.cells, row.sourceRow);
    if (request.signal?.aborted) throw new DisclosureInputError('cancelled');
    const { bytesRead, totalBytes } = source.progress();
    request.onProgress?.(totalBytes ? bytesRead / totalBytes : null, `Counted ${records} records`);
  }
  return { header, rowIndexes, columnIndex, counts, columnValues, records, headerRow: firstRow.sourceRow };
}

/** Every combination of the row variables with each subset of them replaced by Total. */
function withMargins(
  counts: Map<string, number>,
  labelColumns: string[],
  categories: string[],
  countColumns: string[],
  totalLabel: string,
  wide: boolean,
): CountTable {
  const k = labelColumns.length;
  const byRow = new Map<string, { labels: string[]; counts: number[] }>();
  const rowFor = (labels: string[]) => {
    const key = labels.join('\u0000');
    let row = byRow.get(key);
    if (!row) byRow.set(key, (row = { labels, counts: new Array<number>(countColumns.length).fill(0) }));
    return row;
  };
  for (const [joined, n] of counts) {
    const parts = joined.split('\u0000');
    const labels = parts.slice(0, k);
    const category = categories.indexOf(parts[k]!);
    for (let mask = 0; mask < 1 << k; mask++) {
      const row = rowFor(labels.map((l, i) => (mask & (1 << i) ? totalLabel : l)));
      row.counts[category]! += n;
      if (wide) row.counts[countColumns.length - 1]! += n;
    }
  }
  const rows: TableRow[] = [...byRow.values()]
    .sort((a, b) => {
      for (let i = 0; i < k; i++) {
        const at = a.labels[i] === totalLabel;
        const bt = b.labels[i] === totalLabel;
        if (at !== bt) return at ? 1 : -1;
        const order = compareLabels(a.labels[i]!, b.labels[i]!);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map((row, i) => ({ labels: row.labels, counts: row.counts, sourceRow: i + 2 }));
  return { labelColumns, countColumns, rows };
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
const compareLabels = (a: string, b: string) => collator.compare(a, b);

/** A tabulated table as an input the disclosure pipeline can read, carrying the record file's hash. */
export function tabulationInput(name: string, tabulation: Tabulation): TableInput {
  return { kind: 'table', name, table: tabulation.table, sha256: tabulation.sha256 };
}

