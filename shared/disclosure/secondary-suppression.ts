import { attackerKnowledge } from './attacker';
import { auditPublication, type AuditResult } from './audit';
import type { LinearRow, LpSolver } from './linear-program';
import type { Publication } from './publication';
import { markerLowerBound, type DisclosureSubject } from './subject';

/**
 * Complementary (secondary) suppression: choose further cells to suppress so that no primary cell
 * can be recovered from the totals, keeping their number small.
 *
 * 1. A fast local pass: in every totals equation, each suppressed cell must be able to move by the
 *    amount its protection needs, absorbed by the other suppressed cells of that equation. Where it
 *    cannot, the cheapest sufficient cell is added (never a zero, never a national figure),
 *    preferring cells whose other equations already hold a suppression so that rectangles close up.
 * 2. The attacker's audit. Local checks cannot see every pattern (two rows and two columns each with
 *    two suppressions can still pin a cell), so any primary cell the linear program can still
 *    narrow gets a repair: a second linear program finds the cheapest published cells whose
 *    suppression gives the attacker a consistent table in which that cell moves by the required
 *    amount. Suppressing them makes the cell's interval wide enough by construction, and the audit
 *    runs again until every primary cell passes or no repair exists.
 */
export interface SecondaryResult {
  added: number;
  repairRounds: number;
  /** Primary cells no suppression pattern could protect (the export will be refused). */
  unprotectable: number[];
  /** The last audit, when it covered every primary cell and nothing changed after it. */
  finalAudit: AuditResult | null;
  /**
   * Which method chose the cells: a proven minimum (optimal-suppression.ts), this heuristic, or this
   * heuristic repairing the exact search's last pattern when it ran out of time.
   */
  method?: 'exact' | 'heuristic' | 'repaired';
  /** Complementary cells in the final pattern. */
  complementary?: number;
  /**
   * The fewest complementary cells any pattern passing the audit could have, as far as the exact
   * method proved it (equal to `complementary` when that pattern is optimal); null when not tried.
   */
  lowerBound?: number | null;
}

const maxRepairRounds = 25;

/**
 * May this cell be suppressed to protect another? Never a zero (it protects nothing: the marker's
 * lowest count is no lower), a national figure or a cell already behind the marker.
 */
export function isComplementEligible(subject: DisclosureSubject, publication: Publication, cell: number): boolean {
  return !publication.isSuppressed(cell) && subject.values[cell]! > 0 && publication.reason(cell) !== 'national';
}

export function addComplementarySuppressions(
  subject: DisclosureSubject,
  publication: Publication,
  solver: LpSolver,
  onProgress: (message: string) => void = () => {},
): SecondaryResult {
  const state = new SuppressionState(subject, publication);
  let added = state.localPass(allEquations(subject));
  onProgress(`local pass chose ${added} complementary cells`);

  const unprotectable = new Set<number>();
  let pending: number[] | undefined;
  let rounds = 0;
  let finalAudit: AuditResult | null = null;
  for (; rounds < maxRepairRounds; rounds++) {
    // Suppressing more cells only ever widens the attacker's intervals, so cells that passed stay passed.
    const audit: AuditResult = auditPublication(subject, publication, solver, pending);
    const failing = audit.cells.filter((c) => !c.passed && !unprotectable.has(c.cell));
    onProgress(`audit round ${rounds + 1}: ${failing.length} cells still need protection`);
    if (failing.length === 0) {
      if (pending === undefined) finalAudit = audit;
      break;
    }
    for (const cell of failing) {
      const current = audit.cells.find((c) => c.cell === cell.cell)!;
      const result = state.repair(cell.cell, current.low, current.high, solver);
      if (result === null) unprotectable.add(cell.cell);
      else added += result + state.localPass(state.drainTouched());
    }
    pending = failing.map((c) => c.cell).filter((c) => !unprotectable.has(c));
    if (pending.length === 0) break;
  }
  return { added, repairRounds: rounds, unprotectable: [...unprotectable], finalAudit };
}

const allEquations = (subject: DisclosureSubject) => subject.structure.equations.map((_, i) => i);

/** How far a suppressed cell must be able to move each way for its protection. */
function protectionNeed(subject: DisclosureSubject, publication: Publication, cell: number): { up: number; down: number } {
  if (publication.reason(cell) !== 'primary') return { up: 1, down: 1 };
  const width = subject.profile.protectionWidth;
  const slack = subject.values[cell]! - markerLowerBound(subject.profile);
  const down = Math.min(slack, Math.floor((width - 1) / 2));
  return { up: width - 1 - down, down };
}

class SuppressionState {
  private readonly suppressedIn: Int32Array;
  private readonly lowerOfMarker: number;
  private touched = new Set<number>();
  private readonly costScale: number;

  constructor(
    private readonly subject: DisclosureSubject,
    private readonly publication: Publication,
  ) {
    const { equations } = subject.structure;
    this.suppressedIn = new Int32Array(equations.length);
    equations.forEach((equation, e) => {
      let n = publication.isSuppressed(equation.total) ? 1 : 0;
      for (const m of equation.members) if (publication.isSuppressed(m)) n++;
      this.suppressedIn[e] = n;
    });
    this.lowerOfMarker = markerLowerBound(subject.profile);
    let max = 1;
    for (const v of subject.values) if (v > max) max = v;
    this.costScale = max;
  }

  drainTouched(): number[] {
    const list = [...this.touched];
    this.touched = new Set();
    return list;
  }

  eligible(cell: number): boolean {
    return isComplementEligible(this.subject, this.publication, cell);
  }

  /** Information lost by suppressing a cell: its count, more for totals, which readers rely on. */
  cost(cell: number): number {
    return (1 + 2 * this.subject.structure.totalDepth[cell]!) * (1 + this.subject.values[cell]! / this.costScale);
  }

  suppress(cell: number, protects: number): void {
    const root = this.publication.reason(protects) === 'primary' ? protects : this.publication.protects[protects]!;
    this.publication.set(cell, null, 'secondary', root >= 0 ? root : protects);
    for (const e of this.subject.equationsOfCell[cell]!) {
      this.suppressedIn[e]!++;
      this.touched.add(e);
    }
  }

  /** Phase 1: make every suppressed cell movable within each of its equations. */
  localPass(initial: number[]): number {
    const queue = [...initial];
    const queued = new Set(queue);
    let added = 0;
    while (queue.length > 0) {
      const e = queue.shift()!;
      queued.delete(e);
      const addedHere = this.fixEquation(e);
      added += addedHere.length;
      for (const cell of addedHere) {
        for (const other of this.subject.equationsOfCell[cell]!) {
          if (!queued.has(other)) {
            queued.add(other);
            queue.push(other);
          }
        }
      }
    }
    this.touched.clear();
    return added;
  }

  private fixEquation(e: number): number[] {
    if (this.suppressedIn[e] === 0) return [];
    const equation = this.subject.structure.equations[e]!;
    const added: number[] = [];
    for (let guard = 0; guard < equation.members.length + 1; guard++) {
      const deficit = this.findDeficit(e);
      if (!deficit) break;
      const choice = this.chooseComplement(e, deficit);
      if (choice === null) break; // nothing left to add here; the audit and repair handle it
      this.suppress(choice, deficit.cell);
      added.push(choice);
    }
    return added;
  }

  /** A suppressed cell in equation e that cannot move as far as it needs, if any. */
  private findDeficit(e: number): { cell: number; direction: Direction; amount: number } | null {
    const equation = this.subject.structure.equations[e]!;
    const cells = [equation.total, ...equation.members];
    for (const cell of cells) {
      if (!this.publication.isSuppressed(cell)) continue;
      const need = protectionNeed(this.subject, this.publication, cell);
      for (const direction of ['up', 'down'] as const) {
        const capacity = this.capacity(e, cell, direction);
        if (capacity < need[direction]) return { cell, direction, amount: need[direction] - capacity };
      }
    }
    return null;
  }

  /** How far `cell` can move in `direction` with the other suppressed cells of equation e absorbing it. */
  private capacity(e: number, cell: number, direction: Direction): number {
    const equation = this.subject.structure.equations[e]!;
    const isTotal = equation.total === cell;
    let room = 0;
    for (const m of equation.members) {
      if (m === cell || !this.publication.isSuppressed(m)) continue;
      room += this.room(m, partnerDirection(isTotal, false, direction));
    }
    if (!isTotal && this.publication.isSuppressed(equation.total)) room += this.room(equation.total, direction);
    return room;
  }

  /** How far a suppressed cell can go: down to the marker's lowest count, up without limit. */
  private room(cell: number, direction: Direction): number {
    return direction === 'up' ? Infinity : this.subject.values[cell]! - this.lowerOfMarker;
  }

  private chooseComplement(e: number, deficit: { cell: number; direction: Direction; amount: number }): number | null {
    const equation = this.subject.structure.equations[e]!;
    const deficitIsTotal = equation.total === deficit.cell;
    let best: number | null = null;
    let bestKey: number[] | null = null;
    const consider = (c: number, isTotal: boolean) => {
      if (c === deficit.cell || !this.eligible(c)) return;
      const gives = this.room(c, partnerDirection(deficitIsTotal, isTotal, deficit.direction));
      const insufficient = gives >= deficit.amount ? 0 : 1;
      let newSingletons = 0;
      for (const other of this.subject.equationsOfCell[c]!) if (other !== e && this.suppressedIn[other] === 0) newSingletons++;
      // Prefer a cell that suffices, then one that opens no new equation, then the cheapest (or the roomiest).
      const key = [insufficient, newSingletons, insufficient ? -gives : this.cost(c)];
      if (!bestKey || compareKeys(key, bestKey) < 0) {
        best = c;
        bestKey = key;
      }
    };
    for (const m of equation.members) consider(m, false);
    if (!deficitIsTotal) consider(equation.total, true);
    return best;
  }

  /**
   * Phase 2 repair for one primary cell the audit could narrow: find the cheapest set of published
   * cells whose suppression lets the attacker's table move this cell by the amount it lacks.
   * Returns the number of cells added, or null when no suppression pattern can protect it.
   */
  repair(cell: number, low: number, high: number, solver: LpSolver): number | null {
    const need = protectionNeed(this.subject, this.publication, cell);
    const value = this.subject.values[cell]!;
    let added = 0;
    if (high - value < need.up - 1e-6) {
      const result = this.repairDirection(cell, need.up, solver);
      if (result === null) return null;
      added += result;
    }
    if (value - low < need.down - 1e-6) {
      const result = this.repairDirection(cell, -need.down, solver);
      if (result === null) return null;
      added += result;
    }
    return added;
  }

  private repairDirection(target: number, shift: number, solver: LpSolver): number | null {
    const { subject, publication } = this;
    const knowledge = attackerKnowledge(subject, publication);
    const columnLower: number[] = [];
    const columnUpper: number[] = [];
    const cost: number[] = [];
    // Per cell: [column of its upward move, column of its downward move] (the same column when uncosted).
    const columnsOfCell = new Map<number, [number, number]>();
    const addColumn = (lower: number, upper: number, c: number) => {
      columnLower.push(lower);
      columnUpper.push(upper);
      cost.push(c);
      return columnLower.length - 1;
    };
    const columnsFor = (cell: number): [number, number] | null => {
      const existing = columnsOfCell.get(cell);
      if (existing) return existing;
      const x = subject.values[cell]!;
      let columns: [number, number] | null = null;
      if (cell === target) {
        const col = addColumn(shift, shift, 0);
        columns = [col, col];
      } else if (knowledge.lower[cell]! < knowledge.upper[cell]!) {
        const col = addColumn(knowledge.lower[cell]! - x, knowledge.upper[cell]! - x, 0);
        columns = [col, col];
      } else if (this.eligible(cell)) {
        const weight = this.cost(cell);
        columns = [addColumn(0, Infinity, weight), addColumn(0, x - this.lowerOfMarker, weight)];
      }
      if (columns) columnsOfCell.set(cell, columns);
      return columns;
    };
    const rows: LinearRow[] = [];
    for (const equation of subject.structure.equations) {
      const columns: number[] = [];
      const coefficients: number[] = [];
      const add = (cell: number, sign: number) => {
        const cols = columnsFor(cell);
        if (!cols) return;
        columns.push(cols[0]);
        coefficients.push(sign);
        if (cols[1] !== cols[0]) {
          columns.push(cols[1]);
          coefficients.push(-sign);
        }
      };
      for (const m of equation.members) add(m, 1);
      add(equation.total, -1);
      if (columns.length > 0) rows.push({ lower: 0, upper: 0, columns, coefficients });
    }
    const model = solver.load({ columnLower, columnUpper, rows });
    try {
      const objectiveColumns: number[] = [];
      const objectiveCoefficients: number[] = [];
      cost.forEach((c, i) => {
        if (c > 0) {
          objectiveColumns.push(i);
          objectiveCoefficients.push(c);
        }
      });
      const outcome = model.optimise({ columns: objectiveColumns, coefficients: objectiveCoefficients }, 'minimise', true);
      if (outcome.status !== 'optimal' || !outcome.values) return null;
      let added = 0;
      for (const [cell, [up, down]] of columnsOfCell) {
        if (up === down) continue;
        if (outcome.values[up]! + outcome.values[down]! > 1e-7) {
          this.suppress(cell, target);
          added++;
        }
      }
      return added;
    } finally {
      model.dispose();
    }
  }
}

type Direction = 'up' | 'down';

/**
 * Which way a partner cell must move to keep an equation balanced: a member and the total move
 * together; two members move in opposite directions.
 */
function partnerDirection(movingIsTotal: boolean, partnerIsTotal: boolean, direction: Direction): Direction {
  if (movingIsTotal || partnerIsTotal) return direction;
  return direction === 'up' ? 'down' : 'up';
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
