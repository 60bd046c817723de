import type { AdditiveRelation, CellRef } from './independent-attacker/cell-ref';
import { cellId } from './independent-attacker/cell-ref';

/**
 * Random tables for the independent attacker, built by a generator that knows the truth: the CSV
 * the product reads, every true count (published cells and, for linked releases, the microdata
 * cells they are sums of) and every additive relation the table really has.
 */
export interface TrueTable {
  release: string;
  csv: string;
  labelColumns: string[];
  countColumns: string[];
  /** cellId → true count, for every cell the relations name. */
  truth: Map<string, number>;
  relations: AdditiveRelation[];
  national: { column: string; value: string } | null;
  percentagesOf: string | null;
}

export interface Dimension {
  name: string;
  categories: string[];
  /** The label of this dimension's margin, or null for no margin. */
  total: string | null;
}

interface Row {
  labels: string[];
  counts: number[];
}

function toCsv(header: string[], rows: Row[]): string {
  const line = (cells: (string | number)[]) => cells.map(String).join(',');
  return [line(header), ...rows.map((r) => line([...r.labels, ...r.counts]))].join('\n') + '\n';
}

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);
}

/**
 * A cross-classification with margins: every combination of categories (and each dimension's
 * total), the count of a margin computed from the interior. `value(coordinates)` gives the interior
 * counts. `wide` puts the last dimension in the count columns.
 */
export function hypercube(options: {
  release: string;
  dimensions: Dimension[];
  value: (categories: number[]) => number;
  wide?: boolean;
  /** For linked releases: the microdata cells each cell sums (a relation beside the margins'). */
  finest?: (categories: number[]) => { ref: CellRef; count: number }[];
}): TrueTable {
  const { release, dimensions, wide = false } = options;
  const axes = dimensions.map((d) => [...d.categories.map((_, i) => i), ...(d.total === null ? [] : [-1])]);
  const labelOf = (d: number, i: number) => (i < 0 ? dimensions[d]!.total! : dimensions[d]!.categories[i]!);
  const interior = cartesian(dimensions.map((d) => d.categories.map((_, i) => i)));
  const countAt = (coords: number[]) =>
    interior.filter((cats) => cats.every((c, d) => coords[d]! < 0 || coords[d] === c)).reduce((sum, cats) => sum + options.value(cats), 0);
  const last = dimensions.length - 1;
  const refOf = (coords: number[]): CellRef => {
    const labels = coords.map((c, d) => labelOf(d, c));
    return wide ? { release, labels: labels.slice(0, last), column: labels[last]! } : { release, labels, column: 'count' };
  };
  const truth = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  const cells = cartesian(axes);
  for (const coords of cells) {
    truth.set(cellId(refOf(coords)), countAt(coords));
    if (options.finest) {
      const members = interior.filter((cats) => cats.every((c, d) => coords[d]! < 0 || coords[d] === c)).flatMap((cats) => options.finest!(cats));
      members.forEach((m) => truth.set(cellId(m.ref), m.count));
      relations.push({ total: refOf(coords), members: members.map((m) => m.ref) });
    }
    coords.forEach((c, d) => {
      if (c >= 0) return;
      const members = dimensions[d]!.categories.map((_, i) => refOf(coords.map((x, e) => (e === d ? i : x))));
      relations.push({ total: refOf(coords), members });
    });
  }
  const labelColumns = wide ? dimensions.slice(0, last).map((d) => d.name) : dimensions.map((d) => d.name);
  const countColumns = wide ? axes[last]!.map((i) => labelOf(last, i)) : ['count'];
  const rows: Row[] = [];
  const rowCoords = cartesian(wide ? axes.slice(0, last) : axes);
  for (const prefix of rowCoords) {
    const labels = prefix.map((c, d) => labelOf(d, c));
    const counts = wide ? axes[last]!.map((i) => truth.get(cellId(refOf([...prefix, i])))!) : [truth.get(cellId(refOf(prefix)))!];
    rows.push({ labels, counts });
  }
  return { release, csv: toCsv([...labelColumns, ...countColumns], rows), labelColumns, countColumns, truth, relations, national: null, percentagesOf: null };
}

/**
 * Regions containing areas (`region,area,count`), or wide by sex (`region,area,S1,S2,Total`) when
 * each area has several counts. `subtotals`: a `Region,Total` row per region; the grand total is
 * `Total,Total` or, without subtotals, possibly `Total,` (an empty area).
 */
export function hierarchy(options: { areas: number[][][]; subtotals: boolean; grand: 'Total,Total' | 'Total,' | null }): TrueTable {
  const release = 'table';
  const sexes = options.areas[0]![0]!.length;
  const sexColumns = sexes > 1 ? Array.from({ length: sexes }, (_, i) => `S${i + 1}`) : ['count'];
  const countColumns = sexes > 1 ? [...sexColumns, 'Total'] : sexColumns;
  const truth = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  const rows: Row[] = [];
  // One row: its cells, with the Total column as the sum of the sex columns.
  const addRow = (labels: string[], counts: number[]): CellRef[] => {
    const values = sexes > 1 ? [...counts, counts.reduce((a, b) => a + b, 0)] : counts;
    const refs = countColumns.map((column) => ({ release, labels, column }));
    refs.forEach((ref, c) => truth.set(cellId(ref), values[c]!));
    if (sexes > 1) relations.push({ total: refs[sexes]!, members: refs.slice(0, sexes) });
    rows.push({ labels, counts: values });
    return refs;
  };
  const sumColumns = (lists: number[][]) => lists[0]!.map((_, c) => lists.reduce((sum, l) => sum + l[c]!, 0));
  const columnRelations = (total: CellRef[], members: CellRef[][]) =>
    total.forEach((t, c) => relations.push({ total: t, members: members.map((m) => m[c]!) }));
  const leaves: CellRef[][] = [];
  const regionTotals: CellRef[][] = [];
  options.areas.forEach((areas, r) => {
    const region = `Region${r + 1}`;
    const members = areas.map((counts, a) => addRow([region, `R${r + 1}A${a + 1}`], counts));
    leaves.push(...members);
    if (options.subtotals) {
      const total = addRow([region, 'Total'], sumColumns(areas));
      columnRelations(total, members);
      regionTotals.push(total);
    }
  });
  if (options.grand) {
    const grand = addRow(options.grand === 'Total,Total' ? ['Total', 'Total'] : ['Total', ''], sumColumns(options.areas.flat()));
    columnRelations(grand, leaves);
    if (options.subtotals) columnRelations(grand, regionTotals);
  }
  const labelColumns = ['region', 'area'];
  return { release, csv: toCsv([...labelColumns, ...countColumns], rows), labelColumns, countColumns, truth, relations, national: null, percentagesOf: null };
}

/**
 * Sub-national areas and a national row (`England`) that is their sum, in 1-D (`area,count`) or
 * 2-D (`area,sex,count`, with a sex Total per area when `sexTotal`).
 */
export function nationalTable(options: { areas: number[][]; sexTotal: boolean }): TrueTable {
  const sexes = options.areas[0]!.length;
  const dimensions: Dimension[] = [{ name: 'area', categories: options.areas.map((_, a) => `Area${a + 1}`), total: 'England' }];
  if (sexes > 1) dimensions.push({ name: 'sex', categories: Array.from({ length: sexes }, (_, s) => `S${s + 1}`), total: options.sexTotal ? 'Total' : null });
  const table = hypercube({ release: 'table', dimensions, value: (cats) => options.areas[cats[0]!]![cats[1] ?? 0]! });
  return { ...table, national: { column: 'area', value: 'England' } };
}
