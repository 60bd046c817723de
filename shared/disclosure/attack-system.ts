import type { AttackPart } from './attack-parts';
import type { LinearProgram, LinearRow } from './linear-program';
import type { RatioConstraint } from './percentages';
import { isCertainlyUnimodular } from './unimodular';

/**
 * The attacker's equations over the leaves of one or more tables (the table being published and the
 * earlier releases linked to it), ready to be cut into connected components and handed to a solver
 * (audit.ts). Known leaves are folded into the bounds; every aggregate, undeclared total, link and
 * percentage is a row.
 */

/** One cell to judge: of this table (part 0) or of an earlier release. */
export interface Target {
  part: number;
  cell: number;
  width: number;
}

/** A cell as a sum of unknown leaves plus the leaves already known. */
export interface LinearForm {
  leaves: number[];
  constant: number;
}

/** A constraint over global leaf indices: lower ≤ Σ coefficient·leaf ≤ upper. */
export interface SystemRow {
  leaves: number[];
  coefficients: number[];
  lower: number;
  upper: number;
  /** An aggregate's wildcard pattern, or -1 for anything else (a percentage, a link between tables). */
  pattern: number;
}

/** One connected set of unknown leaves with the rows that bind them, ready to become a program. */
export interface Component {
  program: LinearProgram;
  columnOf: Map<number, number>;
  formOf: (target: Target) => LinearForm;
  unimodular: boolean;
}

export type AttackSystem = ReturnType<typeof attackSystem>;

/** The parts' leaves side by side (part p's leaf l is global leaf offset[p] + l), with every row. */
export function attackSystem(parts: AttackPart[], links: readonly SystemRow[], ratios: readonly RatioConstraint[]) {
  const offsets: number[] = [];
  let leafCount = 0;
  for (const part of parts) {
    offsets.push(leafCount);
    leafCount += part.leafLower.length;
  }
  const lower = new Float64Array(leafCount);
  const upper = new Float64Array(leafCount);
  parts.forEach((part, p) => {
    lower.set(part.leafLower, offsets[p]);
    upper.set(part.leafUpper, offsets[p]);
  });
  const fixed = (leaf: number) => lower[leaf] === upper[leaf];

  const leavesOf = (target: Target): number[] => parts[target.part]!.leavesOfCell(target.cell).map((l) => l + offsets[target.part]!);
  const freeForm = (target: Target): LinearForm => {
    let constant = 0;
    const leaves: number[] = [];
    for (const l of leavesOf(target)) {
      if (fixed(l)) constant += lower[l]!;
      else leaves.push(l);
    }
    return { leaves, constant };
  };

  const parent = Int32Array.from({ length: leafCount }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };

  const rows: SystemRow[] = [];
  /** Adds a row with known leaves folded into its bounds. */
  const addRow = (terms: Map<number, number>, low: number, high: number, pattern: number) => {
    const leaves: number[] = [];
    const coefficients: number[] = [];
    let constant = 0;
    for (const [leaf, coefficient] of terms) {
      if (coefficient === 0) continue;
      if (fixed(leaf)) constant += coefficient * lower[leaf]!;
      else {
        leaves.push(leaf);
        coefficients.push(coefficient);
      }
    }
    if (leaves.length === 0) return;
    rows.push({ leaves, coefficients, lower: low - constant, upper: high - constant, pattern });
    for (let i = 1; i < leaves.length; i++) union(leaves[0]!, leaves[i]!);
  };

  parts.forEach((part, p) => {
    for (const aggregate of part.aggregates) {
      if (aggregate.lower <= 0 && aggregate.upper === Infinity) continue; // says nothing beyond non-negativity
      addRow(new Map(aggregate.leaves.map((leaf) => [leaf + offsets[p]!, 1])), aggregate.lower, aggregate.upper, aggregate.pattern);
    }
  });
  parts.forEach((part, p) => {
    for (const relation of part.relations) {
      addRow(new Map(relation.leaves.map((leaf, i) => [leaf + offsets[p]!, relation.coefficients[i]!])), 0, 0, -1);
    }
  });
  for (const link of links) {
    addRow(new Map(link.leaves.map((leaf, i) => [leaf, link.coefficients[i]!])), link.lower, link.upper, -1);
  }
  for (const ratio of ratios) {
    // 200·s·n − (2P − 1)·T ≥ 0 and 200·s·n − (2P + 1)·T ≤ −1 (percentages.ts)
    const n = leavesOf({ part: 0, cell: ratio.numerator, width: 0 });
    const t = leavesOf({ part: 0, cell: ratio.denominator, width: 0 });
    const terms = (totalCoefficient: number) => {
      const map = new Map<number, number>();
      for (const leaf of n) map.set(leaf, (map.get(leaf) ?? 0) + 200 * ratio.scale);
      for (const leaf of t) map.set(leaf, (map.get(leaf) ?? 0) - totalCoefficient);
      return map;
    };
    addRow(terms(2 * ratio.scaledPercent - 1), 0, Infinity, -1);
    addRow(terms(2 * ratio.scaledPercent + 1), -Infinity, -1, -1);
  }

  // Rows are indexed by component once the cells asked about have joined their leaves (auditTargets).
  let rowIndex: Map<number, number[]> | null = null;
  const rowsByRoot = () => {
    const map = new Map<number, number[]>();
    rows.forEach((row, index) => {
      const root = find(row.leaves[0]!);
      let list = map.get(root);
      if (!list) map.set(root, (list = []));
      list.push(index);
    });
    return map;
  };

  const buildProgram = (componentRows: SystemRow[], extraLeaves: number[]) => {
    const columnOf = new Map<number, number>();
    const columnLower: number[] = [];
    const columnUpper: number[] = [];
    const columnFor = (leaf: number) => {
      let column = columnOf.get(leaf);
      if (column === undefined) {
        column = columnLower.length;
        columnOf.set(leaf, column);
        columnLower.push(lower[leaf]!);
        columnUpper.push(upper[leaf]!);
      }
      return column;
    };
    const programRows: LinearRow[] = componentRows.map((row) => ({
      lower: row.lower,
      upper: row.upper,
      columns: row.leaves.map(columnFor),
      coefficients: row.coefficients,
    }));
    for (const leaf of extraLeaves) columnFor(leaf);
    return { program: { columnLower, columnUpper, rows: programRows }, columnOf };
  };

  return {
    lower,
    upper,
    formOf: freeForm,
    union,
    find,
    hasRows: (root: number) => (rowIndex ??= rowsByRoot()).has(find(root)),
    /** Every row at once (for a feasibility check). */
    wholeProgram: (): LinearProgram => buildProgram(rows, []).program,
    component(root: number, targets: Target[]): Component {
      rowIndex ??= rowsByRoot();
      const componentRows = (rowIndex.get(find(root)) ?? []).map((i) => rows[i]!);
      const { program, columnOf } = buildProgram(componentRows, targets.flatMap((t) => freeForm(t).leaves));
      // The cells asked about count too: every value between the ends is attainable for a sum that
      // is itself a member of the laminar families.
      const asked = targets.map((t) => parts[t.part]!.patternOfCell(t.cell) ?? 0);
      const unimodular =
        componentRows.every((row) => row.pattern >= 0) &&
        asked.every((pattern) => pattern >= 0) &&
        isCertainlyUnimodular([...componentRows.map((row) => row.pattern), ...asked.filter((p) => p > 0)], parts[0]!.dimensions);
      return { program, columnOf, formOf: freeForm, unimodular };
    },
  };
}
