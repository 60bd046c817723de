import { DisclosureInputError } from './input-error';
import { isTotalLabel, type CountTable, type TableOptions } from './table';

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
  /** Which label column it runs along, or -1 for the count columns of a wide table. */
  dimension: number;
}

export interface TableStructure {
  equations: TotalEquation[];
  /** For each cell, how many of its coordinates are Total (0 for an ordinary cell). */
  totalDepth: Uint8Array;
  /** Index of the count column headed Total, or -1. */
  totalColumn: number;
}

export function analyseStructure(table: CountTable, options: TableOptions): TableStructure {
  const width = table.countColumns.length;
  const rowTotalFlags = table.rows.map((row) => row.labels.map((label) => isTotalLabel(label, options.totalLabel)));
  const totalColumns = table.countColumns.flatMap((name, i) => (isTotalLabel(name, options.totalLabel) ? [i] : []));
  if (totalColumns.length > 1) {
    throw new DisclosureInputError(`more than one count column is headed "${options.totalLabel}"; keep one`, {
      column: table.countColumns[totalColumns[1]!]!,
    });
  }
  const totalColumn = totalColumns[0] ?? -1;
  const normalise = (label: string) => (isTotalLabel(label, options.totalLabel) ? '\u0001total' : label.trim());
  rejectDuplicateRows(table, normalise);

  const equations: TotalEquation[] = [];
  table.labelColumns.forEach((_, dimension) => {
    const groups = new Map<string, { totals: number[]; members: number[] }>();
    table.rows.forEach((row, r) => {
      const key = row.labels.map((label, i) => (i === dimension ? '' : normalise(label))).join('\u0000');
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { totals: [], members: [] }));
      (rowTotalFlags[r]![dimension] ? group.totals : group.members).push(r);
    });
    for (const { totals, members } of groups.values()) {
      // A duplicate Total row would already have been refused as a duplicate row.
      const totalRow = totals[0];
      if (totalRow === undefined || members.length === 0) continue;
      for (let c = 0; c < width; c++) {
        equations.push({ total: totalRow * width + c, members: members.map((m) => m * width + c), dimension });
      }
    }
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
        equation.dimension >= 0 ? `the ${table.labelColumns[equation.dimension]} rows it totals` : 'the other count columns of its row';
      throw new DisclosureInputError(`the total ${total} does not equal the sum of ${along} (${parts}); correct the total or the table`, {
        row: row.sourceRow,
        column: table.countColumns[equation.total % width]!,
      });
    }
  }
}

function rejectDuplicateRows(table: CountTable, normalise: (label: string) => string): void {
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const key = row.labels.map(normalise).join('\u0000');
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
