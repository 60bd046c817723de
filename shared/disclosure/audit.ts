import { buildAttackModel, type AttackModel, type UndeclaredTotal } from './attack-model';
import { attackerKnowledge } from './attacker';
import type { LinearProgram, LinearRow, LpModel, LpSolver } from './linear-program';
import type { RatioConstraint } from './percentages';
import type { Publication } from './publication';
import type { DisclosureSubject } from './subject';
import { isCertainlyUnimodular } from './unimodular';

/**
 * The attacker's audit. For every primary-suppressed cell, find how many whole values its true count
 * can still take, given everything published: exact cells, rounded cells as intervals, the marker's
 * range, every additive relation the table has (attack-model.ts, derived independently of the
 * protection), published percentages as exact ratio constraints, and non-negativity. The cell is
 * protected if it can take at least the profile's protection width of values.
 *
 * The unknowns are whole numbers. Where the equations are certainly totally unimodular
 * (unimodular.ts) the linear relaxation is exact: every whole value between its minimum and maximum
 * is attainable. Elsewhere (3-D tables, percentages, several overlapping relations) the relaxation is
 * only a first filter, and an integer program (HiGHS's branch and bound) finds the true minimum and
 * maximum and then asks, value by value, which whole values in between are attainable.
 */
export interface PrimaryCellAudit {
  cell: number;
  /** The attacker's interval; internal only, never written into a report. */
  low: number;
  high: number;
  /** How many whole values the cell could still take: Infinity when unbounded above. */
  possibleValues: number;
  passed: boolean;
  /** Whether a solver was needed (false: the cell is in no relation with other unknowns). */
  solved: boolean;
  /** Whether the count came from an integer program. */
  integer: boolean;
}

export interface AuditResult {
  passed: boolean;
  protectionWidth: number;
  cells: PrimaryCellAudit[];
  solverCalls: number;
  solver: string;
  /** Labels the values show to be totals although they were not declared. */
  undeclaredTotals: UndeclaredTotal[];
}

const tolerance = 1e-6;
/** Per optimisation of an integer program; past it the cell is not proved safe, so it fails. */
const integerTimeLimitSeconds = 20;
/** Values probed one by one between a cell's ends; a cell still short of its width after these fails. */
const maxProbes = 200;

export function countPossibleValues(low: number, high: number): number {
  if (high === Infinity || low === -Infinity) return Infinity;
  return Math.max(0, Math.floor(high + tolerance) - Math.ceil(low - tolerance) + 1);
}

const models = new WeakMap<DisclosureSubject, AttackModel>();

/** The attacker's model of the subject's table, built once per table. */
export function attackModelOf(subject: DisclosureSubject): AttackModel {
  let model = models.get(subject);
  if (!model) models.set(subject, (model = buildAttackModel(subject.table, subject.options, subject.values)));
  return model;
}

export function auditPublication(
  subject: DisclosureSubject,
  publication: Publication,
  solver: LpSolver,
  cellsToAudit?: readonly number[],
  ratios: readonly RatioConstraint[] = [],
): AuditResult {
  const width = subject.profile.protectionWidth;
  const model = attackModelOf(subject);
  const system = attackSystem(subject, model, publication, ratios);
  const primaries = cellsToAudit ?? primaryCells(publication);
  const results: PrimaryCellAudit[] = [];
  let solverCalls = 0;

  const forms = primaries.map((cell) => ({ cell, form: system.formOf(cell) }));
  // An aggregate's leaves belong together even when its own published value says nothing.
  for (const { form } of forms) for (const leaf of form.leaves) system.union(form.leaves[0]!, leaf);
  const groups = new Map<number, number[]>();
  for (const { cell, form } of forms) {
    if (form.leaves.length === 0) {
      results.push(judge(cell, form.constant, form.constant, width, false, false));
      continue;
    }
    const root = system.find(form.leaves[0]!);
    if (form.leaves.length === 1 && !system.hasRows(root)) {
      // In no relation with other unknowns: the attacker knows only its own interval.
      const leaf = form.leaves[0]!;
      results.push(judge(cell, system.lower[leaf]! + form.constant, system.upper[leaf]! + form.constant, width, false, false));
      continue;
    }
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(cell);
  }

  for (const [root, cells] of groups) {
    const component = system.component(root, cells);
    const outcome = auditComponent(component, cells, width, solver);
    solverCalls += outcome.solverCalls;
    results.push(...outcome.results);
  }
  results.sort((a, b) => a.cell - b.cell);
  return {
    passed: results.every((r) => r.passed),
    protectionWidth: width,
    cells: results,
    solverCalls,
    solver: solver.name,
    undeclaredTotals: model.undeclaredTotals,
  };
}

export function primaryCells(publication: Publication): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < publication.size; cell++) if (publication.reason(cell) === 'primary') cells.push(cell);
  return cells;
}

function judge(cell: number, low: number, high: number, width: number, solved: boolean, integer: boolean): PrimaryCellAudit {
  const possibleValues = countPossibleValues(low, high);
  return { cell, low, high, possibleValues, passed: possibleValues >= width, solved, integer };
}

/** A cell as a sum of leaves (with fixed leaves folded into the constant). */
interface LinearForm {
  leaves: number[];
  constant: number;
}

interface SystemRow {
  leaves: number[];
  coefficients: number[];
  lower: number;
  upper: number;
  /** The aggregate's wildcard pattern, or -1 for a percentage constraint. */
  pattern: number;
}

/** One connected set of unknown leaves with the rows that bind them, ready to become a program. */
interface Component {
  program: LinearProgram;
  /** The program's column for each leaf in it. */
  columnOf: Map<number, number>;
  formOf: (cell: number) => LinearForm;
  unimodular: boolean;
}

function attackSystem(subject: DisclosureSubject, model: AttackModel, publication: Publication, ratios: readonly RatioConstraint[]) {
  const knowledge = attackerKnowledge(subject, publication);
  const leafCount = model.leafCell.length;
  const lower = new Float64Array(leafCount);
  const upper = new Float64Array(leafCount);
  const fixed = new Uint8Array(leafCount);
  model.leafCell.forEach((cell, leaf) => {
    lower[leaf] = cell >= 0 ? knowledge.lower[cell]! : 0;
    upper[leaf] = cell >= 0 ? knowledge.upper[cell]! : Infinity;
    fixed[leaf] = lower[leaf] === upper[leaf] ? 1 : 0;
  });

  /** Every leaf a cell sums (itself, when it is a leaf). */
  const leavesOf = (cell: number): number[] => {
    const leaf = model.leafOfCell[cell]!;
    return leaf >= 0 ? [leaf] : model.aggregates[model.aggregateOfCell[cell]!]!.leaves;
  };
  const freeForm = (cell: number): LinearForm => {
    let constant = 0;
    const leaves: number[] = [];
    for (const l of leavesOf(cell)) {
      if (fixed[l]) constant += lower[l]!;
      else leaves.push(l);
    }
    return { leaves, constant };
  };
  const patternOf = (cell: number) => (model.leafOfCell[cell]! >= 0 ? null : model.aggregates[model.aggregateOfCell[cell]!]!.pattern);

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
  const addRow = (terms: Map<number, number>, low: number, high: number, pattern: number) => {
    const leaves: number[] = [];
    const coefficients: number[] = [];
    let constant = 0;
    for (const [leaf, coefficient] of terms) {
      if (coefficient === 0) continue;
      if (fixed[leaf]) constant += coefficient * lower[leaf]!;
      else {
        leaves.push(leaf);
        coefficients.push(coefficient);
      }
    }
    if (leaves.length === 0) return;
    rows.push({ leaves, coefficients, lower: low - constant, upper: high - constant, pattern });
    for (let i = 1; i < leaves.length; i++) union(leaves[0]!, leaves[i]!);
  };

  for (const aggregate of model.aggregates) {
    const low = knowledge.lower[aggregate.cell]!;
    const high = knowledge.upper[aggregate.cell]!;
    if (low <= 0 && high === Infinity) continue; // says nothing beyond non-negativity
    addRow(new Map(aggregate.leaves.map((leaf) => [leaf, 1])), low, high, aggregate.pattern);
  }
  for (const ratio of ratios) {
    // 200·s·n − (2P − 1)·T ≥ 0 and 200·s·n − (2P + 1)·T ≤ −1 (percentages.ts)
    const n = leavesOf(ratio.numerator);
    const t = leavesOf(ratio.denominator);
    const terms = (totalCoefficient: number) => {
      const map = new Map<number, number>();
      for (const leaf of n) map.set(leaf, (map.get(leaf) ?? 0) + 200 * ratio.scale);
      for (const leaf of t) map.set(leaf, (map.get(leaf) ?? 0) - totalCoefficient);
      return map;
    };
    addRow(terms(2 * ratio.scaledPercent - 1), 0, Infinity, -1);
    addRow(terms(2 * ratio.scaledPercent + 1), -Infinity, -1, -1);
  }

  const rowsOfRoot = () => {
    const map = new Map<number, number[]>();
    rows.forEach((row, index) => {
      const root = find(row.leaves[0]!);
      let list = map.get(root);
      if (!list) map.set(root, (list = []));
      list.push(index);
    });
    return map;
  };
  let rowIndex: Map<number, number[]> | null = null;
  // Rows are indexed by component once the cells asked about have joined their leaves (see auditPublication).

  return {
    fixed,
    lower,
    upper,
    formOf: freeForm,
    union,
    find,
    hasRows: (root: number) => (rowIndex ??= rowsOfRoot()).has(find(root)),
    component(root: number, cells: number[]): Component {
      rowIndex ??= rowsOfRoot();
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
      const componentRows = (rowIndex.get(find(root)) ?? []).map((i) => rows[i]!);
      const programRows: LinearRow[] = componentRows.map((row) => ({
        lower: row.lower,
        upper: row.upper,
        columns: row.leaves.map(columnFor),
        coefficients: row.coefficients,
      }));
      for (const cell of cells) for (const leaf of freeForm(cell).leaves) columnFor(leaf);
      // The cells asked about count too: every value between the ends is attainable for a sum that is
      // itself a member of the laminar families.
      const asked = cells.flatMap((cell) => {
        const pattern = patternOf(cell);
        return pattern === null ? [] : [pattern];
      });
      const unimodular =
        componentRows.every((row) => row.pattern >= 0) &&
        isCertainlyUnimodular([...componentRows.map((row) => row.pattern), ...asked], model.dimensions);
      return { program: { columnLower, columnUpper, rows: programRows }, columnOf, formOf: freeForm, unimodular };
    },
  };
}

function auditComponent(
  component: Component,
  cells: number[],
  width: number,
  solver: LpSolver,
): { results: PrimaryCellAudit[]; solverCalls: number } {
  const results: PrimaryCellAudit[] = [];
  let solverCalls = 0;
  const objectiveOf = (cell: number) => {
    const form = component.formOf(cell);
    return { objective: { columns: form.leaves.map((leaf) => component.columnOf.get(leaf)!), coefficients: form.leaves.map(() => 1) }, constant: form.constant };
  };

  // The linear relaxation: exact when unimodular, otherwise a bound the integer program tightens.
  const relaxed = new Map<number, { low: number; high: number }>();
  const lp = solver.load(component.program);
  try {
    for (const cell of cells) {
      const { objective, constant } = objectiveOf(cell);
      const min = lp.optimise(objective, 'minimise');
      const max = lp.optimise(objective, 'maximise');
      solverCalls += 2;
      const low = min.status === 'optimal' ? min.objective + constant : min.status === 'unbounded' ? -Infinity : Number.NaN;
      const high = max.status === 'optimal' ? max.objective + constant : max.status === 'unbounded' ? Infinity : Number.NaN;
      relaxed.set(cell, { low, high });
    }
  } finally {
    lp.dispose();
  }

  const needInteger: number[] = [];
  for (const cell of cells) {
    const { low, high } = relaxed.get(cell)!;
    if (Number.isNaN(low) || Number.isNaN(high)) {
      // A published table always admits the true counts, so this is a solver failure: fail safe.
      results.push({ cell, low: 0, high: 0, possibleValues: 0, passed: false, solved: true, integer: false });
    } else if (component.unimodular || countPossibleValues(low, high) < width) {
      results.push(judge(cell, low, high, width, true, false));
    } else {
      needInteger.push(cell);
    }
  }
  if (needInteger.length === 0) return { results, solverCalls };

  // One probe row per cell: bounding it to a single value asks whether that value is attainable.
  const probes = needInteger.map((cell) => {
    const { objective } = objectiveOf(cell);
    return { lower: -Infinity, upper: Infinity, columns: objective.columns, coefficients: objective.coefficients };
  });
  const firstProbe = component.program.rows.length;
  const mip: LpModel = solver.load({
    ...component.program,
    rows: [...component.program.rows, ...probes],
    integer: true,
    timeLimitSeconds: integerTimeLimitSeconds,
  });
  try {
    needInteger.forEach((cell, i) => {
      const { objective, constant } = objectiveOf(cell);
      const min = mip.optimise(objective, 'minimise');
      const max = mip.optimise(objective, 'maximise');
      solverCalls += 2;
      if (min.status !== 'optimal' || (max.status !== 'optimal' && max.status !== 'unbounded')) {
        results.push({ cell, low: 0, high: 0, possibleValues: 0, passed: false, solved: true, integer: true });
        return;
      }
      const low = Math.round(min.objective) + constant;
      const high = max.status === 'unbounded' ? Infinity : Math.round(max.objective) + constant;
      // Unbounded above in whole numbers: arbitrarily large values are attainable, so enough of them.
      if (high === Infinity || countPossibleValues(low, high) < width) {
        results.push(judge(cell, low, high, width, true, true));
        return;
      }
      // Whole values between the ends may still be unattainable (a percentage allows only some):
      // count the attainable ones until there are enough. The ends are attainable.
      let attainable = high === low ? 1 : 2;
      const empty = { columns: [], coefficients: [] };
      for (let v = low + 1, probes = 0; attainable < width && v < high && probes < maxProbes; v++, probes++) {
        mip.setRowBounds(firstProbe + i, v - constant, v - constant);
        const probe = mip.optimise(empty, 'minimise');
        solverCalls++;
        if (probe.status === 'optimal') attainable++;
      }
      mip.setRowBounds(firstProbe + i, -Infinity, Infinity);
      results.push({ cell, low, high, possibleValues: attainable, passed: attainable >= width, solved: true, integer: true });
    });
  } finally {
    mip.dispose();
  }
  return { results, solverCalls };
}
