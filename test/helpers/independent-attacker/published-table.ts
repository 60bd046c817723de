import { parse } from 'csv-parse/sync';

/**
 * A published CSV as the attacker reads it, with its own parser (csv-parse), not the product's:
 * the header, then one row per line until the first blank line (the legend follows it). Every
 * cell stays text; what the text means is decided by the cell knowledge, against the rules.
 */
export interface PublishedTable {
  header: string[];
  rows: string[][];
}

export function readPublishedCsv(text: string): PublishedTable {
  const withoutBom = text.startsWith('\ufeff') ? text.slice(1) : text;
  const lines: string[][] = parse(withoutBom, { relax_column_count: true, skip_empty_lines: false });
  const [header, ...rest] = lines;
  if (!header) throw new Error('the published CSV is empty');
  const rows: string[][] = [];
  for (const line of rest) {
    if (line.every((cell) => cell === '')) break;
    rows.push(line);
  }
  return { header, rows };
}

/** The published text of each (row labels, count column) cell, and of its percentage if any. */
export interface PublishedCell {
  labels: string[];
  column: string;
  count: string;
  percentage: string | null;
}

export function publishedCells(table: PublishedTable, labelColumns: readonly string[]): PublishedCell[] {
  const { header } = table;
  labelColumns.forEach((name, i) => {
    if (header[i] !== name) throw new Error(`published header column ${i + 1} is "${header[i]}", expected the label column "${name}"`);
  });
  // "<count column> %" is that count column's percentage; every other column after the labels is a count.
  const countNames = new Set(header.slice(labelColumns.length));
  const percentOf = new Map<string, number>();
  header.forEach((name, i) => {
    if (i >= labelColumns.length && name.endsWith(' %') && countNames.has(name.slice(0, -2))) percentOf.set(name.slice(0, -2), i);
  });
  const percentIndexes = new Set(percentOf.values());
  const cells: PublishedCell[] = [];
  for (const row of table.rows) {
    const labels = row.slice(0, labelColumns.length);
    for (let i = labelColumns.length; i < header.length; i++) {
      if (percentIndexes.has(i)) continue;
      const column = header[i]!;
      const p = percentOf.get(column);
      cells.push({ labels, column, count: row[i] ?? '', percentage: p === undefined ? null : (row[p] ?? '') });
    }
  }
  return cells;
}
