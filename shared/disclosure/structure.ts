import { DisclosureInputError } from './input-error';
import { describeTotalLabels, isTotalLabel, nationalRows, type CountTable, type TableOptions } from './table';

/**
 * The totals structure of a table: every "total = sum of its parts" relation, found from the Total
 * labels alone. A row whose label in column k is Total totals the rows that agree with it on every
 * other label and are not Total in column k; a count column headed Total totals its row. That one
 * rule covers a 1-D table with a total, 2-D tables with row and column totals, and hierarchical
 * subtotals (region, area): the grand total adds up the region subtotals, which add up the areas.
 */
export interface TotalEquation {
  /** The cell holding the total. */
  total: number;
  /** The cells it adds up. */
  members: number[];
  /**
   * Which label column it runs along; -1 for the count columns of a wide table; -2 for a total over
   * several label columns at once (a grand total with no subtotals beneath it).
   */
  dimension: number;
  /** A national row that is the sum of the rows beside it: a total by its values, not by its label. */
  national?: boolean;
}

export interface TableStructure {
  equations: TotalEquation[];
  /** For each cell, how many of its coordinates are Total (0 for an ordinary cell). */
  totalDepth: Uint8Array;
  /** Index of the count column headed Total, or -1. */
  totalColumn: number;
}

/**
 * Which labels of each row mark a total. A label equal to one of the total labels does; so does a
 * blank label in a row that has one (`Total,,94` is the grand total, not a row for a blank area);
 * and so does the national label, when the national row is the sum of the rows it stands above
 * (decided per group in analyseStructure).
 */
function totalFlags(table: CountTable, options: TableOptions): boolean[][] {
  return table.rows.map((row) => {
    const flags = row.labels.map((label) => isTotalLabel(label, options.totalLabels));
    if (flags.some(Boolean)) row.labels.forEach((label, i) => (flags[i] ||= label.trim() === ''));
    return flags;
  });
}

export function analyseStructure(table: CountTable, options: TableOptions): TableStructure {
  const width = table.countColumns.length;
  const rowTotalFlags = totalFlags(table, options);
  const totalColumns = table.countColumns.flatMap((name, i) => (isTotalLabel(name, options.totalLabels) ? [i] : []));
  if (totalColumns.length > 1) {
    throw new DisclosureInputError(`more than one count column is headed ${describeTotalLabels(options.totalLabels)}; keep one`, {
      column: table.countColumns[totalColumns[1]!]!,
    });
  }
  const totalColumn = totalColumns[0] ?? -1;
  const normalise = (label: string, isTotal: boolean) => (isTotal ? '\u0001total' : label.trim());
  rejectDuplicateRows(table, rowTotalFlags, normalise);
  const nationalFlags = nationalRows(table, options.national);
  const nationalColumn = options.national ? table.labelColumns.indexOf(options.national.column) : -1;

  const equations: TotalEquation[] = [];
  const isTotalRow = new Set<number>();
  table.labelColumns.forEach((_, dimension) => {
    const groups = new Map<string, { totals: number[]; national: number[]; members: number[] }>();
    table.rows.forEach((row, r) => {
      const flags = rowTotalFlags[r]!;
      const key = row.labels.map((label, i) => (i === dimension ? '' : normalise(label, flags[i]!))).join('\u0000');
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { totals: [], national: [], members: [] }));
      if (flags[dimension]) group.totals.push(r);
      else if (dimension === nationalColumn && nationalFlags[r]) group.national.push(r);
      else group.members.push(r);
    });
    for (const { totals, national, members } of groups.values()) {
      if (members.length === 0) continue;
      // A duplicate Total row would already have been refused as a duplicate row.
      const totalRow = totals[0];
      if (totalRow !== undefined) {
        isTotalRow.add(totalRow);
        for (let c = 0; c < width; c++) {
          equations.push({ total: totalRow * width + c, members: members.map((m) => m * width + c), dimension });
        }
      }
      // A national row that is the sum of the rows beside it is a total every reader can see.
      for (const nationalRow of national) {
        for (let c = 0; c < width; c++) {
          const equation = { total: nationalRow * width + c, members: members.map((m) => m * width + c), dimension, national: true };
          if (addsUp(table, equation)) equations.push(equation);
        }
      }
    }
  });
  // A total row with no subtotals beneath it (a grand total under region and area rows) adds up
  // the ordinary rows that agree with it wherever it is not a total.
  rowTotalFlags.forEach((flags, r) => {
    if (!flags.some(Boolean) || isTotalRow.has(r)) return;
    const members: number[] = [];
    table.rows.forEach((row, m) => {
      if (rowTotalFlags[m]!.some(Boolean) || nationalFlags[m]) return;
      if (row.labels.every((label, i) => flags[i] || normalise(label, false) === normalise(table.rows[r]!.labels[i]!, false))) members.push(m);
    });
    if (members.length === 0) return;
    for (let c = 0; c < width; c++) equations.push({ total: r * width + c, members: members.map((m) => m * width + c), dimension: -2 });
  });
  if (totalColumn >= 0 && width > 1) {
    table.rows.forEach((_, r) => {
      const members: number[] = [];
      for (let c = 0; c < width; c++) if (c !== totalColumn) members.push(r * width + c);
      equations.push({ total: r * width + totalColumn, members, dimension: -1 });
    });
  }

  const totalDepth = new Uint8Array(table.rows.length * width);
  table.rows.forEach((_, r) => {
    const rowDepth = rowTotalFlags[r]!.filter(Boolean).length;
    for (let c = 0; c < width; c++) totalDepth[r * width + c] = rowDepth + (c === totalColumn ? 1 : 0);
  });
  return { equations, totalDepth, totalColumn };
}

function addsUp(table: CountTable, equation: TotalEquation): boolean {
  const width = table.countColumns.length;
  const value = (cell: number) => table.rows[Math.floor(cell / width)]!.counts[cell % width]!;
  return equation.members.reduce((sum, cell) => sum + value(cell), 0) === value(equation.total);
}

/** Refuses a table whose totals do not add up: protecting it would publish nonsense. */
export function checkTotalsAddUp(table: CountTable, structure: TableStructure): void {
  const width = table.countColumns.length;
  const value = (cell: number) => table.rows[Math.floor(cell / width)]!.counts[cell % width]!;
  for (const equation of structure.equations) {
    const parts = equation.members.reduce((sum, cell) => sum + value(cell), 0);
    const total = value(equation.total);
    if (parts !== total) {
      const row = table.rows[Math.floor(equation.total / width)]!;
      const along =
        equation.dimension >= 0
          ? `the ${table.labelColumns[equation.dimension]} rows it totals`
          : equation.dimension === -1
            ? 'the other count columns of its row'
            : 'the ordinary rows beneath it (there are no subtotals)';
      throw new DisclosureInputError(`the total ${total} does not equal the sum of ${along} (${parts}); correct the total or the table`, {
        row: row.sourceRow,
        column: table.countColumns[equation.total % width]!,
      });
    }
  }
}

function rejectDuplicateRows(table: CountTable, flags: boolean[][], normalise: (label: string, isTotal: boolean) => string): void {
  const seen = new Map<string, number>();
  for (const [r, row] of table.rows.entries()) {
    const key = row.labels.map((label, i) => normalise(label, flags[r]![i]!)).join('\u0000');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new DisclosureInputError(
        `the labels (${row.labels.join(', ')}) repeat row ${earlier}; each combination of labels may appear once`,
        { row: row.sourceRow },
      );
    }
    seen.set(key, row.sourceRow);
  }
}
