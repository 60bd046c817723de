import { attackerKnowledge, type AttackerKnowledge } from './attacker';
import type { LinearProgram, LinearRow, LpSolver } from './linear-program';
import type { RatioConstraint } from './percentages';
import type { Publication } from './publication';
import type { DisclosureSubject } from './subject';

/**
 * The attacker's audit. For every primary-suppressed cell, minimise and maximise its true count
 * subject to everything published: exact cells, rounded cells as intervals, the marker's range,
 * every totals equation and non-negativity. The cell is protected if that interval holds at least
 * the profile's protection width of whole values. This is the linear-programming attack of the
 * statistical disclosure control literature (the LP relaxation: an attacker restricted to whole
 * numbers can do no better on the totals tables handled here, whose equations are unimodular).
 */
export interface PrimaryCellAudit {
  cell: number;
  /** The attacker's interval; internal only, never written into a report. */
  low: number;
  high: number;
  /** How many whole values the cell could still take: Infinity when unbounded above. */
  possibleValues: number;
  passed: boolean;
  /** Whether a solver was needed (false: the cell is in no totals equation). */
  solved: boolean;
}

export interface AuditResult {
  passed: boolean;
  protectionWidth: number;
  cells: PrimaryCellAudit[];
  solverCalls: number;
  solver: string;
}

const tolerance = 1e-6;

export function countPossibleValues(low: number, high: number): number {
  if (high === Infinity || low === -Infinity) return Infinity;
  return Math.max(0, Math.floor(high + tolerance) - Math.ceil(low - tolerance) + 1);
}

/**
 * Audits the given primary cells (all primary-suppressed cells by default). Cells are grouped into
 * components linked by equations, so each linear program holds only the unknowns that interact.
 */
export function auditPublication(
  subject: DisclosureSubject,
  publication: Publication,
  solver: LpSolver,
  cellsToAudit?: readonly number[],
  ratios: readonly RatioConstraint[] = [],
): AuditResult {
  const width = subject.profile.protectionWidth;
  const knowledge = attackerKnowledge(subject, publication);
  const primaries = cellsToAudit ?? primaryCells(publication);
  const system = unknownsSystem(subject, knowledge, ratios);
  const results: PrimaryCellAudit[] = [];
  let solverCalls = 0;

  const byComponent = new Map<number, number[]>();
  for (const cell of primaries) {
    const variable = system.variableOfCell.get(cell);
    if (variable === undefined || system.rowsOfComponent.get(system.component(variable)) === undefined) {
      // Known exactly, or in no equation that still has unknowns: the attacker knows only its own interval.
      const low = knowledge.lower[cell]!;
      const high = knowledge.upper[cell]!;
      results.push(judge(cell, low, high, width, false));
      continue;
    }
    const root = system.component(variable);
    let list = byComponent.get(root);
    if (!list) byComponent.set(root, (list = []));
    list.push(cell);
  }

  for (const [root, cells] of byComponent) {
    const { program, columnOfVariable } = componentProgram(system, root);
    const model = solver.load(program);
    try {
      for (const cell of cells) {
        const column = columnOfVariable.get(system.variableOfCell.get(cell)!)!;
        const objective = { columns: [column], coefficients: [1] };
        const min = model.optimise(objective, 'minimise');
        const max = model.optimise(objective, 'maximise');
        solverCalls += 2;
        const low = min.status === 'optimal' ? min.objective : min.status === 'unbounded' ? -Infinity : Number.NaN;
        const high = max.status === 'optimal' ? max.objective : max.status === 'unbounded' ? Infinity : Number.NaN;
        if (Number.isNaN(low) || Number.isNaN(high)) {
          // A published table always admits the true counts, so this is a solver failure: fail safe.
          results.push({ cell, low: 0, high: 0, possibleValues: 0, passed: false, solved: true });
        } else {
          results.push(judge(cell, low, high, width, true));
        }
      }
    } finally {
      model.dispose();
    }
  }
  results.sort((a, b) => a.cell - b.cell);
  return { passed: results.every((r) => r.passed), protectionWidth: width, cells: results, solverCalls, solver: solver.name };
}

export function primaryCells(publication: Publication): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < publication.size; cell++) if (publication.reason(cell) === 'primary') cells.push(cell);
  return cells;
}

function judge(cell: number, low: number, high: number, width: number, solved: boolean): PrimaryCellAudit {
  const possibleValues = countPossibleValues(low, high);
  return { cell, low, high, possibleValues, passed: possibleValues >= width, solved };
}

/**
 * The totals equations (and any percentage inequalities) restricted to unknown cells, with known
 * cells moved into the bounds.
 */
interface UnknownsSystem {
  variableOfCell: Map<number, number>;
  cellOfVariable: number[];
  lower: number[];
  upper: number[];
  rows: { variables: number[]; coefficients: number[]; lower: number; upper: number }[];
  rowsOfComponent: Map<number, number[]>;
  component: (variable: number) => number;
}

function unknownsSystem(subject: DisclosureSubject, knowledge: AttackerKnowledge, ratios: readonly RatioConstraint[]): UnknownsSystem {
  const variableOfCell = new Map<number, number>();
  const cellOfVariable: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const variableOf = (cell: number): number | undefined => {
    if (knowledge.lower[cell] === knowledge.upper[cell]) return undefined;
    let v = variableOfCell.get(cell);
    if (v === undefined) {
      v = cellOfVariable.length;
      variableOfCell.set(cell, v);
      cellOfVariable.push(cell);
      lower.push(knowledge.lower[cell]!);
      upper.push(knowledge.upper[cell]!);
    }
    return v;
  };
  // Register every unknown first so that cells in no equation are still variables (their own bounds).
  for (let cell = 0; cell < knowledge.lower.length; cell++) variableOf(cell);

  const parent: number[] = cellOfVariable.map((_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  const rows: UnknownsSystem['rows'] = [];
  /** Adds Σ coefficient·cell within [lower, upper], known cells folded into the bounds. */
  const addRow = (terms: [number, number][], lower: number, upper: number) => {
    const variables: number[] = [];
    const coefficients: number[] = [];
    let constant = 0;
    for (const [cell, coefficient] of terms) {
      const v = variableOf(cell);
      if (v === undefined) constant += coefficient * knowledge.lower[cell]!;
      else {
        variables.push(v);
        coefficients.push(coefficient);
      }
    }
    if (variables.length === 0) return;
    rows.push({ variables, coefficients, lower: lower - constant, upper: upper - constant });
    for (let i = 1; i < variables.length; i++) {
      const a = find(variables[0]!);
      const b = find(variables[i]!);
      if (a !== b) parent[a] = b;
    }
  };
  for (const equation of subject.structure.equations) {
    // members − total = 0
    addRow([...equation.members.map((m): [number, number] => [m, 1]), [equation.total, -1]], 0, 0);
  }
  for (const ratio of ratios) {
    // lowShare·T ≤ n ≤ highShare·T
    addRow([[ratio.numerator, 1], [ratio.denominator, -ratio.lowShare]], 0, Infinity);
    addRow([[ratio.numerator, 1], [ratio.denominator, -ratio.highShare]], -Infinity, 0);
  }
  const rowsOfComponent = new Map<number, number[]>();
  rows.forEach((row, index) => {
    const root = find(row.variables[0]!);
    let list = rowsOfComponent.get(root);
    if (!list) rowsOfComponent.set(root, (list = []));
    list.push(index);
  });
  return { variableOfCell, cellOfVariable, lower, upper, rows, rowsOfComponent, component: find };
}

function componentProgram(system: UnknownsSystem, root: number): { program: LinearProgram; columnOfVariable: Map<number, number> } {
  const columnOfVariable = new Map<number, number>();
  const columnLower: number[] = [];
  const columnUpper: number[] = [];
  const columnOf = (variable: number) => {
    let column = columnOfVariable.get(variable);
    if (column === undefined) {
      column = columnLower.length;
      columnOfVariable.set(variable, column);
      columnLower.push(system.lower[variable]!);
      columnUpper.push(system.upper[variable]!);
    }
    return column;
  };
  const rows: LinearRow[] = system.rowsOfComponent.get(root)!.map((index) => {
    const row = system.rows[index]!;
    return { lower: row.lower, upper: row.upper, columns: row.variables.map(columnOf), coefficients: row.coefficients };
  });
  return { program: { columnLower, columnUpper, rows }, columnOfVariable };
}
