import type { CountTable } from '../../shared/disclosure/table';

/**
 * A 2-D table with row and column totals in long format (`row,col,count`), from a grid of interior
 * counts. Totals are computed, so they always add up.
 */
export function gridTable(grid: number[][], names = { row: 'area', column: 'sex' }): CountTable {
  const rowNames = grid.map((_, r) => `R${r + 1}`);
  const columnNames = grid[0]!.map((_, c) => `C${c + 1}`);
  const rows: CountTable['rows'] = [];
  let line = 2;
  const push = (labels: string[], count: number) => rows.push({ labels, counts: [count], sourceRow: line++ });
  grid.forEach((cells, r) => {
    cells.forEach((count, c) => push([rowNames[r]!, columnNames[c]!], count));
    push([rowNames[r]!, 'Total'], cells.reduce((a, b) => a + b, 0));
  });
  columnNames.forEach((name, c) => push(['Total', name], grid.reduce((sum, cells) => sum + cells[c]!, 0)));
  push(['Total', 'Total'], grid.flat().reduce((a, b) => a + b, 0));
  return { labelColumns: [names.row, names.column], countColumns: ['count'], rows };
}

/** The same grid as a wide table: one row per area, one count column per category, and a Total column. */
export function wideGridTable(grid: number[][]): CountTable {
  const columnNames = [...grid[0]!.map((_, c) => `C${c + 1}`), 'Total'];
  const rows: CountTable['rows'] = grid.map((cells, r) => ({
    labels: [`R${r + 1}`],
    counts: [...cells, cells.reduce((a, b) => a + b, 0)],
    sourceRow: r + 2,
  }));
  const totals = columnNames.map((_, c) => rows.reduce((sum, row) => sum + row.counts[c]!, 0));
  rows.push({ labels: ['Total'], counts: totals, sourceRow: rows.length + 2 });
  return { labelColumns: ['area'], countColumns: columnNames, rows };
}

/** Where a long-format grid table keeps the interior cell (r, c): rows are laid out row by row, each with its total. */
export const gridCell = (columns: number, r: number, c: number): number => r * (columns + 1) + c;

/**
 * A hierarchical long table: regions contain areas, each with counts by sex. Subtotals per area
 * (sex = Total), per region (area = Total) and a grand total (region = area = Total), all computed.
 */
export function hierarchicalTable(regions: number[][][]): CountTable {
  const rows: CountTable['rows'] = [];
  const sexes = regions[0]![0]!.map((_, s) => `S${s + 1}`);
  const push = (labels: string[], count: number) => rows.push({ labels, counts: [count], sourceRow: rows.length + 2 });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const grand = sexes.map(() => 0);
  regions.forEach((areas, r) => {
    const region = `Region${r + 1}`;
    const regionTotals = sexes.map(() => 0);
    areas.forEach((counts, a) => {
      const area = `R${r + 1}A${a + 1}`;
      counts.forEach((n, s) => {
        push([region, area, sexes[s]!], n);
        regionTotals[s]! += n;
      });
      push([region, area, 'Total'], sum(counts));
    });
    sexes.forEach((sex, s) => push([region, 'Total', sex], regionTotals[s]!));
    push([region, 'Total', 'Total'], sum(regionTotals));
    regionTotals.forEach((n, s) => (grand[s]! += n));
  });
  sexes.forEach((sex, s) => push(['Total', 'Total', sex], grand[s]!));
  push(['Total', 'Total', 'Total'], sum(grand));
  return { labelColumns: ['region', 'area', 'sex'], countColumns: ['count'], rows };
}

/** A 1-D table with a total row. */
export function oneWayTable(counts: number[]): CountTable {
  const rows: CountTable['rows'] = counts.map((n, i) => ({ labels: [`Area${i + 1}`], counts: [n], sourceRow: i + 2 }));
  rows.push({ labels: ['Total'], counts: [counts.reduce((a, b) => a + b, 0)], sourceRow: counts.length + 2 });
  return { labelColumns: ['area'], countColumns: ['count'], rows };
}

/** A long table without totals. */
export function plainTable(counts: number[]): CountTable {
  return {
    labelColumns: ['area'],
    countColumns: ['count'],
    rows: counts.map((n, i) => ({ labels: [`Area${i + 1}`], counts: [n], sourceRow: i + 2 })),
  };
}
