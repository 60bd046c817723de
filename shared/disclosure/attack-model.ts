import { DisclosureInputError } from './input-error';
import { isTotalLabel, type CountTable, type TableOptions } from './table';
import { isTotalLikeLabel } from './total-like-labels';

/**
 * The attacker's picture of a table's arithmetic, derived for the audit on its own: it does not use
 * the totals structure that the protection inferred (structure.ts), so a relation that inference
 * misses is not missed twice.
 *
 * Every cell is either a LEAF (an ordinary count) or an AGGREGATE, the sum of the leaves it covers.
 * A cell's coordinates are its labels plus, in a wide table, its count column. A coordinate is a
 * wildcard when it is a total label, a blank beside a total label, or the national label (national
 * rows stand above the rows they sum). An aggregate covers every leaf that
 * agrees with it wherever it is not a wildcard. That one rule gives 1-D, 2-D and 3-D tables with
 * margins, hierarchical subtotals, grand totals without subtotals and several total labels; the
 * unknowns are the leaves, so every relation is an equation of whole numbers.
 *
 * A label (or count column) that the values show to be a total although it was not declared (an
 * "All" row equal to the sum of its group) is kept as a leaf bound by an equation to the leaves it
 * adds up: the attacker may well know what "All" means.
 *
 * A national row need not be the exact sum of the rows listed (areas may be left out): then an
 * unseen REMAINDER leaf (≥ 0) makes up the difference, so the attacker still knows the national
 * figure is at least the sum. Only relations that hold for the true counts are kept: an attacker
 * who believed a false one would learn nothing true.
 */
export interface AttackModel {
  /**
   * Leaves: the cell each stands for, or -1 for a national row's unseen remainder. A cell whose labels
   * make it a total but whose value is not the sum is a leaf covered by nothing.
   */
  leafCell: Int32Array;
  /** The true count of each leaf (remainders included): to check that linked releases fit it. Internal. */
  leafValue: Float64Array;
  /**
   * Leaves that stand for no one combination of labels (national remainders, and total cells that
   * are not the sum of their rows): left out when tables are linked through their margins.
   */
  unlinkableLeaves: number[];
  /** For each cell: its leaf index, or -1 when it is an aggregate. */
  leafOfCell: Int32Array;
  /** For each cell: its aggregate index, or -1 when it is a leaf. */
  aggregateOfCell: Int32Array;
  aggregates: Aggregate[];
  /** Equations among leaves for totals the labels do not declare: +1 for the total, −1 for each part. */
  relations: LeafRelation[];
  /** Labels the values show to be totals that were not declared as such (for the refusal message). */
  undeclaredTotals: UndeclaredTotal[];
  /** Coordinates: the label columns, then the count-column dimension of a wide table. */
  dimensions: number;
}

export interface Aggregate {
  cell: number;
  leaves: number[];
  /** Bit d set when coordinate d is a wildcard: which way the aggregate sums (for the unimodularity check). */
  pattern: number;
}

export interface LeafRelation {
  leaves: number[];
  coefficients: number[];
}

export interface UndeclaredTotal {
  /** Index of the label column; -1 for a count column that is the sum of the others (its name is the label). */
  column: number;
  label: string;
  /** 0-based table rows carrying it. */
  rows: number[];
}

/** Coordinates an aggregate's pattern can hold (one bit each; bit 30 marks national remainders). */
export const maxDimensions = 29;
/** Pattern bit of an aggregate that covers national remainders (an extra coordinate: listed or not). */
export const remainderBit = 1 << 30;

export function buildAttackModel(table: CountTable, options: TableOptions, values: Float64Array): AttackModel {
  const width = table.countColumns.length;
  const labelCount = table.labelColumns.length;
  const wide = width > 1;
  const dimensions = labelCount + (wide ? 1 : 0);
  // Each coordinate is one bit of an aggregate's pattern; beyond that the model could not tell
  // wildcards apart and would miss sums, so such a table is refused rather than audited loosely.
  if (dimensions > maxDimensions) {
    throw new DisclosureInputError(`the table has ${labelCount} label columns; the attacker's audit handles at most ${maxDimensions - (wide ? 1 : 0)}: combine or drop label columns`);
  }
  const size = table.rows.length * width;
  const key = (label: string) => label.trim().toLocaleLowerCase('en-GB');

  // Wildcards per row (label columns) and per count column.
  const rowWild = table.rows.map((row) => row.labels.map((label) => isTotalLabel(label, options.totalLabels)));
  rowWild.forEach((flags, r) => {
    if (flags.some(Boolean)) table.rows[r]!.labels.forEach((label, i) => (flags[i] ||= label.trim() === ''));
  });
  const nationalColumn = options.national ? table.labelColumns.indexOf(options.national.column) : -1;
  const nationalValue = options.national ? key(options.national.value) : '';
  const national = table.rows.map((row) => nationalColumn >= 0 && key(row.labels[nationalColumn]!) === nationalValue);
  national.forEach((isNational, r) => {
    if (isNational) rowWild[r]![nationalColumn] = true;
  });
  // Totals the labels do not declare stay leaves, bound to the rows they add up by equations of
  // their own: two labels may both look like the sum of their group (when the rest is 0), and an
  // equation for each is true where a wildcard for each would be contradictory.
  const undeclared = findUndeclaredTotals(table, rowWild, values);
  const columnWild = table.countColumns.map((name) => wide && isTotalLabel(name, options.totalLabels));
  const undeclaredColumns = findUndeclaredTotalColumns(table, columnWild, values);
  const undeclaredTotals: UndeclaredTotal[] = [
    ...undeclared.map(({ column, label, rows }) => ({ column, label, rows })),
    ...undeclaredColumns.map((c) => ({ column: -1, label: table.countColumns[c]!, rows: [] })),
  ];

  const patternOf = (r: number, c: number) => {
    let pattern = 0;
    rowWild[r]!.forEach((wild, d) => {
      if (wild) pattern |= 1 << d;
    });
    if (columnWild[c]) pattern |= 1 << labelCount;
    return pattern;
  };
  const coordinate = (r: number, c: number, d: number) => (d < labelCount ? key(table.rows[r]!.labels[d]!) : String(c));

  const leafOfCell = new Int32Array(size).fill(-1);
  const aggregateOfCell = new Int32Array(size).fill(-1);
  const leafCell: number[] = [];
  const leafRowColumn: [number, number][] = [];
  for (let r = 0; r < table.rows.length; r++) {
    for (let c = 0; c < width; c++) {
      if (patternOf(r, c) !== 0) continue;
      leafOfCell[r * width + c] = leafCell.length;
      leafCell.push(r * width + c);
      leafRowColumn.push([r, c]);
    }
  }

  // Leaves indexed by the coordinates an aggregate fixes, one index per wildcard pattern.
  const indexes = new Map<number, Map<string, number[]>>();
  const leavesMatching = (pattern: number, fixed: (d: number) => string): number[] => {
    let index = indexes.get(pattern);
    if (!index) {
      index = new Map();
      leafRowColumn.forEach(([r, c], leaf) => {
        const k = fixedKey(pattern, dimensions, (d) => coordinate(r, c, d));
        let list = index!.get(k);
        if (!list) index!.set(k, (list = []));
        list.push(leaf);
      });
      indexes.set(pattern, index);
    }
    return index.get(fixedKey(pattern, dimensions, fixed)) ?? [];
  };

  const aggregates: Aggregate[] = [];
  // National remainders: key (the national cell's fixed coordinates) and true value.
  const remainders: { parts: string[]; leaf: number }[] = [];
  const candidates: { cell: number; r: number; c: number; pattern: number; bits: number }[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    for (let c = 0; c < width; c++) {
      const pattern = patternOf(r, c);
      if (pattern !== 0) candidates.push({ cell: r * width + c, r, c, pattern, bits: bitCount(pattern) });
    }
  }
  // Narrow aggregates first, so a wider national cell can take up the remainders beneath it.
  candidates.sort((a, b) => a.bits - b.bits || a.cell - b.cell);
  const remainderValue = new Map<number, number>();
  const unlinkable: number[] = [];
  for (const { cell, r, c, pattern } of candidates) {
    const leaves = [...leavesMatching(pattern, (d) => coordinate(r, c, d))];
    let sum = 0;
    for (const leaf of leaves) sum += values[leafCell[leaf]!]!;
    const parts = fixedKey(pattern, dimensions, (d) => coordinate(r, c, d)).split('\u0000');
    if (national[r]) {
      for (const remainder of remainders) {
        if (remainder.parts.every((part, d) => parts[d] === '*' || (part !== '*' && part === parts[d]))) {
          leaves.push(remainder.leaf);
          sum += remainderValue.get(remainder.leaf)!;
        }
      }
    }
    const total = values[cell]!;
    if (national[r] && total > sum) {
      // The national figure covers more than the rows listed: an unseen remainder makes up the rest.
      const leaf = leafCell.length;
      leafCell.push(-1);
      unlinkable.push(leaf);
      remainderValue.set(leaf, total - sum);
      remainders.push({ parts, leaf });
      leaves.push(leaf);
      sum = total;
    }
    if (sum === total) {
      aggregateOfCell[cell] = aggregates.length;
      const coversRemainder = leaves.some((leaf) => leafCell[leaf] === -1);
      aggregates.push({ cell, leaves, pattern: coversRemainder ? pattern | remainderBit : pattern });
    } else {
      // The labels promise a sum the values deny: no relation, and the cell is a count of its own.
      // (The protection refuses a declared total that does not add up before the audit runs.)
      leafOfCell[cell] = leafCell.length;
      unlinkable.push(leafCell.length);
      leafCell.push(cell);
    }
  }
  const relations: LeafRelation[] = [];
  const relate = (totalCell: number, memberCells: number[]) => {
    const cells = [totalCell, ...memberCells];
    if (cells.some((cell) => leafOfCell[cell]! < 0)) return;
    relations.push({ leaves: cells.map((cell) => leafOfCell[cell]!), coefficients: cells.map((_, i) => (i === 0 ? 1 : -1)) });
  };
  for (const found of undeclared) {
    for (const group of found.groups) for (let c = 0; c < width; c++) relate(group.total * width + c, group.members.map((m) => m * width + c));
  }
  for (const c of undeclaredColumns) {
    const others = table.countColumns.flatMap((_, o) => (o === c || columnWild[o] ? [] : [o]));
    for (let r = 0; r < table.rows.length; r++) relate(r * width + c, others.map((o) => r * width + o));
  }
  const leafValue = Float64Array.from(leafCell, (cell, leaf) => (cell >= 0 ? values[cell]! : remainderValue.get(leaf)!));
  return { leafCell: Int32Array.from(leafCell), leafValue, unlinkableLeaves: unlinkable, leafOfCell, aggregateOfCell, aggregates, relations, undeclaredTotals, dimensions };
}

function fixedKey(pattern: number, dimensions: number, coordinate: (d: number) => string): string {
  const parts: string[] = [];
  for (let d = 0; d < dimensions; d++) parts.push(pattern & (1 << d) ? '*' : coordinate(d));
  return parts.join('\u0000');
}

function bitCount(pattern: number): number {
  let n = 0;
  for (let p = pattern; p !== 0; p &= p - 1) n++;
  return n;
}

/**
 * Count columns that are the sum of the other count columns in every row (an "All" column where
 * "Total" was declared), with at least two others and not always 0: totals the attacker can see.
 */
function findUndeclaredTotalColumns(table: CountTable, declared: boolean[], values: Float64Array): number[] {
  const width = table.countColumns.length;
  const columns = table.countColumns.flatMap((_, c) => (declared[c] ? [] : [c]));
  if (columns.length < 3) return [];
  return columns.filter((c) => {
    let nonZeroRows = 0;
    for (let r = 0; r < table.rows.length; r++) {
      let sum = 0;
      for (const other of columns) sum += values[r * width + other]!;
      const v = values[r * width + c]!;
      if (2 * v !== sum) return false;
      if (v !== 0) nonZeroRows++;
    }
    // As for rows: one row is weak evidence, two or a total-like heading is not.
    return nonZeroRows >= 2 || (nonZeroRows === 1 && isTotalLikeLabel(table.countColumns[c]!));
  });
}

/**
 * Labels that act as totals without being declared: a label v in column k such that, in every group
 * of rows agreeing on the other labels that holds v and at least two other rows, the row labelled v
 * equals the sum of the others in every count column (and in at least one group that sum is not 0),
 * seen in two groups or more, or in one when the label is a total-like word ("All", "Persons").
 * Found in one pass per column: a row is the sum of the rest of its group exactly when it is half
 * the group's sum.
 */
function rowIsZero(values: Float64Array, row: number, width: number): boolean {
  for (let c = 0; c < width; c++) if (values[row * width + c] !== 0) return false;
  return true;
}

interface FoundTotal extends UndeclaredTotal {
  /** Where it holds: the row that is the sum, and the rows it adds up. */
  groups: { total: number; members: number[] }[];
}

function findUndeclaredTotals(table: CountTable, rowWild: boolean[][], values: Float64Array): FoundTotal[] {
  const width = table.countColumns.length;
  const found: FoundTotal[] = [];
  const key = (label: string) => label.trim().toLocaleLowerCase('en-GB');
  table.labelColumns.forEach((_, k) => {
    const groups = new Map<string, number[]>();
    table.rows.forEach((row, r) => {
      if (rowWild[r]!.some(Boolean)) return;
      const groupKey = row.labels.map((label, i) => (i === k ? '' : key(label))).join('\u0000');
      let list = groups.get(groupKey);
      if (!list) groups.set(groupKey, (list = []));
      list.push(r);
    });
    // Per label: does it sum its group wherever it appears (with two or more others)?
    const verdict = new Map<string, { holds: boolean; nonZero: boolean; evidence: number; rows: number[]; label: string; groups: FoundTotal['groups'] }>();
    for (const rows of groups.values()) {
      const sums = new Float64Array(width);
      for (const r of rows) for (let c = 0; c < width; c++) sums[c] = sums[c]! + values[r * width + c]!;
      for (const r of rows) {
        const label = key(table.rows[r]!.labels[k]!);
        let entry = verdict.get(label);
        if (!entry) verdict.set(label, (entry = { holds: true, nonZero: false, evidence: 0, rows: [], label: table.rows[r]!.labels[k]!.trim(), groups: [] }));
        if (rows.length < 3) continue;
        let isSum = true;
        let nonZero = false;
        for (let c = 0; c < width; c++) {
          const v = values[r * width + c]!;
          if (2 * v !== sums[c]) isSum = false;
          if (v !== 0) nonZero = true;
        }
        if (!isSum) entry.holds = false;
        else {
          const members = rows.filter((m) => m !== r);
          entry.rows.push(r);
          entry.groups.push({ total: r, members });
          entry.nonZero ||= nonZero;
          // A row equal to one other row beside zeros (6 = 6 + 0) is a copy, not a sum: no evidence.
          if (members.filter((m) => !rowIsZero(values, m, width)).length >= 2) entry.evidence++;
        }
      }
    }
    for (const entry of verdict.values()) {
      // The values are evidence of a total in two groups where the row adds up two or more non-zero
      // rows; a coincidence (17, 17, 0, where either 17 is "the sum") is not. A total-like word
      // ("All", "Persons") needs only one group where the sum holds.
      const evidence = entry.evidence >= 2 || (entry.groups.length >= 1 && isTotalLikeLabel(entry.label));
      if (entry.holds && entry.nonZero && evidence) found.push({ column: k, label: entry.label, rows: entry.rows, groups: entry.groups });
    }
  });
  return found;
}
