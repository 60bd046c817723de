import { attackerKnowledge } from './attacker';
import { attackModelOf, auditPublication, primaryCells, type AuditResult } from './audit';
import type { LinearRow, LpSolver } from './linear-program';
import { Publication } from './publication';
import { addComplementarySuppressions, isComplementEligible, type SecondaryResult } from './secondary-suppression';
import type { DisclosureSubject } from './subject';

/**
 * Complementary suppression with the fewest cells: an exact method for tables small enough to
 * solve, in the manner of Fischetti and Salazar (2001), with the attacker's audit as the judge.
 *
 * A binary y_j per eligible cell says whether it is suppressed; the master integer program
 * minimises Σ y_j subject to "capacity" cuts, and each candidate pattern is handed to the real audit
 * (auditPublication). For a primary cell the audit narrows too far, linear-programming duality gives
 * a cut that every passing pattern satisfies: for any fixed dual solution of the attacker's "how far
 * up can this cell go" program, its dual objective bounds the attacker's maximum for EVERY pattern,
 * and that objective is affine in y (suppressing a cell only changes its own bounds). The attacker's
 * interval must hold the profile's width of whole values, so (up + down) ≥ width − 1 is necessary,
 * and the two dual bounds added give a linear inequality in y. Where the linear program is not the
 * whole attack (3-D tables, where the audit's integer program narrows further), the candidate is
 * cut off on its own: at least one more cell near the narrowed one must be suppressed, valid because
 * suppressing more only widens the attacker's intervals. Before each integer solve, rounds of cuts
 * at the master's fractional optima tighten its relaxation, so that few candidates (each an integer
 * solve and an audit) are needed. The master is a relaxation of the true problem, so its optimum is
 * a lower bound, and the first candidate the audit passes is a minimum.
 */
export interface ExactSuppressionOptions {
  /** Wall-clock budget for the whole search, master solves and audits included. */
  timeLimitSeconds?: number;
  /** Tables with more cells than this go straight to the heuristic. */
  maxCells?: number;
}

export const exactSuppressionDefaults = { timeLimitSeconds: 10, maxCells: 500 } as const;

export interface ExactSuppressionOutcome {
  /** optimal: the publication now holds a minimum pattern that passed the audit; otherwise untouched. */
  status: 'optimal' | 'time-limit' | 'infeasible';
  /** Complementary cells chosen (when optimal). */
  added: number;
  /** The fewest complementary cells any passing pattern can have, as proved so far. */
  lowerBound: number;
  /** Master solves (each followed by one audit). */
  iterations: number;
  /** The audit of the final pattern (when optimal). */
  audit: AuditResult | null;
  /**
   * When stopped by the time limit: the last pattern the master proposed (cells), which the audit
   * found short but which is often only a cell or two from a passing one.
   */
  lastCandidate: number[];
}

/** One necessary condition on the pattern: Σ coefficient·y ≥ rhs, over master columns. */
interface Cut {
  columns: number[];
  coefficients: number[];
  rhs: number;
  /** The primary cell it protects, for the report's "protects". */
  owner: number;
}

const tolerance = 1e-6;

export function findMinimumSuppression(
  subject: DisclosureSubject,
  publication: Publication,
  solver: LpSolver,
  options: ExactSuppressionOptions = {},
  onProgress: (message: string) => void = () => {},
): ExactSuppressionOutcome {
  const deadline = Date.now() + 1000 * (options.timeLimitSeconds ?? exactSuppressionDefaults.timeLimitSeconds);
  const size = publication.size;
  const candidates: number[] = [];
  const columnOf = new Int32Array(size).fill(-1);
  for (let cell = 0; cell < size; cell++) {
    if (isComplementEligible(subject, publication, cell)) {
      columnOf[cell] = candidates.length;
      candidates.push(cell);
    }
  }
  const original = candidates.map((cell) => ({ value: publication.value(cell), reason: publication.reason(cell) }));
  const restore = () => candidates.forEach((cell, j) => publication.set(cell, original[j]!.value, original[j]!.reason));
  const separator = new CutSeparator(subject, publication, candidates, columnOf);

  let audit = auditPublication(subject, publication, solver);
  let chosen: Uint8Array = new Uint8Array(candidates.length);
  const result = (status: ExactSuppressionOutcome['status'], added: number, lowerBound: number, iterations: number) => ({
    status,
    added,
    lowerBound,
    iterations,
    audit: status === 'optimal' ? audit : null,
    lastCandidate: candidates.filter((_, j) => chosen[j] === 1),
  });
  if (audit.passed) return result('optimal', 0, 0, 0);

  const cuts: Cut[] = [];
  const primaries = primaryCells(publication);
  const weights = tieBreakingWeights(subject, candidates);
  let lowerBound = strengthenRelaxation(primaries, candidates.length, cuts, separator, solver, deadline);
  for (let iteration = 1; ; iteration++) {
    const failing = audit.cells.filter((c) => !c.passed).map((c) => c.cell);
    for (const cell of failing) cuts.push(separator.cut(cell, chosen, solver));
    // The new cuts move the relaxation's optimum: tighten it again before the next integer solve.
    if (iteration > 1) lowerBound = Math.max(lowerBound, strengthenRelaxation(primaries, candidates.length, cuts, separator, solver, deadline, 5));
    const seconds = (deadline - Date.now()) / 1000;
    if (seconds <= 0) {
      restore();
      return result('time-limit', 0, lowerBound, iteration - 1);
    }
    const master = solveMaster(weights, cuts, solver, seconds);
    // The weights add less than one in all, so the count is the whole part of the objective.
    if (master.bound !== undefined) lowerBound = Math.max(lowerBound, Math.floor(master.bound + tolerance));
    if (master.status !== 'optimal') {
      restore();
      return result(master.status, 0, lowerBound, iteration);
    }
    chosen = master.chosen;
    lowerBound = Math.max(lowerBound, master.count);
    restore();
    chosen.forEach((y, j) => {
      if (y) publication.set(candidates[j]!, null, 'secondary', ownerOf(j, cuts, failing[0]!));
    });
    audit = auditPublication(subject, publication, solver);
    onProgress(`exact suppression, round ${iteration}: ${master.count} cells, ${audit.cells.filter((c) => !c.passed).length} primary cells still narrowed`);
    // The master is a relaxation, so a pattern of its optimal size that passes is a minimum.
    if (audit.passed) return result('optimal', master.count, lowerBound, iteration);
  }
}

/**
 * Exact first for tables of up to `maxCells` cells. When the exact search runs out of time, the
 * heuristic runs twice, from the primary cells alone and from the master's last pattern (a near
 * miss, so the heuristic's repairs usually add a cell or two), and the smaller passing result is
 * kept. When the exact search finds a primary cell that nothing protects, the heuristic names it.
 */
export function chooseComplementarySuppressions(
  subject: DisclosureSubject,
  publication: Publication,
  solver: LpSolver,
  onProgress: (message: string) => void = () => {},
  options: ExactSuppressionOptions = {},
): SecondaryResult {
  let lowerBound: number | null = null;
  let nearMiss: number[] = [];
  if (publication.size <= (options.maxCells ?? exactSuppressionDefaults.maxCells)) {
    const exact = findMinimumSuppression(subject, publication, solver, options, onProgress);
    if (exact.status === 'optimal' && exact.audit?.passed) {
      return {
        added: exact.added,
        repairRounds: exact.iterations,
        unprotectable: [],
        finalAudit: exact.audit,
        method: 'exact',
        complementary: exact.added,
        lowerBound: exact.lowerBound,
      };
    }
    // A bound means something only while some pattern may pass; 'infeasible' says none does.
    lowerBound = exact.status === 'time-limit' ? exact.lowerBound : null;
    nearMiss = exact.status === 'time-limit' ? exact.lastCandidate : [];
    onProgress(`exact suppression stopped (${exact.status}); using the heuristic`);
  }
  const repaired = nearMiss.length > 0 ? repairNearMiss(subject, publication, nearMiss, solver) : null;
  const heuristic = addComplementarySuppressions(subject, publication, solver, onProgress);
  const complementary = publication.count('secondary');
  if (repaired && repaired.passed && (repaired.complementary < complementary || !heuristicPassed(subject, publication, heuristic, solver))) {
    copyInto(repaired.publication, publication);
    return { ...repaired.result, method: 'repaired', complementary: repaired.complementary, lowerBound };
  }
  return { ...heuristic, method: 'heuristic', complementary, lowerBound };
}

/** The heuristic run on a copy that already suppresses the master's last pattern. */
function repairNearMiss(subject: DisclosureSubject, publication: Publication, cells: readonly number[], solver: LpSolver) {
  const copy = new Publication(publication.size);
  copyInto(publication, copy);
  const primary = primaryCells(publication)[0]!;
  for (const cell of cells) copy.set(cell, null, 'secondary', primary);
  const result = addComplementarySuppressions(subject, copy, solver);
  const passed = heuristicPassed(subject, copy, result, solver);
  const added = copy.count('secondary');
  return { publication: copy, passed, complementary: added, result: { ...result, added } };
}

function heuristicPassed(subject: DisclosureSubject, publication: Publication, result: SecondaryResult, solver: LpSolver): boolean {
  if (result.unprotectable.length > 0) return false;
  return (result.finalAudit ?? auditPublication(subject, publication, solver)).passed;
}

function copyInto(from: Publication, to: Publication): void {
  for (let cell = 0; cell < from.size; cell++) to.set(cell, from.value(cell), from.reason(cell), from.protects[cell]!);
}

/** Rounds of cuts on the master's linear relaxation before the first integer solve. */
const maxRelaxationRounds = 30;

/**
 * Cuts at the master's fractional optima, for every primary cell, until none is violated: cheap
 * linear programs that give the integer program a tight relaxation, so that it needs few candidate
 * patterns (each an integer solve and an audit). Returns the relaxation's bound, rounded up.
 */
function strengthenRelaxation(
  primaries: readonly number[],
  columns: number,
  cuts: Cut[],
  separator: CutSeparator,
  solver: LpSolver,
  deadline: number,
  rounds = maxRelaxationRounds,
): number {
  let point: ArrayLike<number> | null = cuts.length === 0 ? new Float64Array(columns) : null;
  let bound = 0;
  for (let round = 0; round < rounds && Date.now() < deadline; round++) {
    if (!point) {
      const relaxation = solveRelaxation(columns, cuts, solver);
      if (!relaxation) break;
      point = relaxation.values;
      bound = Math.max(bound, Math.ceil(relaxation.objective - tolerance));
    }
    let added = 0;
    for (const cell of primaries) {
      if (Date.now() >= deadline) break;
      const cut = separator.capacityCut(cell, point, solver);
      if (cut) {
        cuts.push(cut);
        added++;
      }
    }
    if (added === 0) break;
    point = null;
  }
  return bound;
}

function solveRelaxation(columns: number, cuts: readonly Cut[], solver: LpSolver): { values: Float64Array; objective: number } | null {
  const model = solver.load({
    columnLower: new Float64Array(columns),
    columnUpper: new Float64Array(columns).fill(1),
    rows: cuts.map((cut) => ({ lower: cut.rhs, upper: Infinity, columns: cut.columns, coefficients: cut.coefficients })),
  });
  try {
    const all = Array.from({ length: columns }, (_, j) => j);
    const outcome = model.optimise({ columns: all, coefficients: all.map(() => 1) }, 'minimise', true);
    return outcome.status === 'optimal' && outcome.values ? { values: outcome.values, objective: outcome.objective } : null;
  } finally {
    model.dispose();
  }
}

/** The primary cell of the first cut that the column helps satisfy. */
function ownerOf(column: number, cuts: readonly Cut[], fallback: number): number {
  for (const cut of cuts) if (cut.columns.includes(column)) return cut.owner;
  return fallback;
}

type MasterResult =
  | { status: 'optimal'; chosen: Uint8Array; count: number; bound?: number }
  | { status: 'time-limit' | 'infeasible'; bound?: number };

/**
 * Each candidate costs 1 plus a small share that breaks ties among patterns of the fewest cells the
 * way the heuristic weighs information: a total (which readers rely on) or a large count costs more.
 * The shares add up to less than 1, so no tie-break ever buys an extra cell.
 */
function tieBreakingWeights(subject: DisclosureSubject, candidates: readonly number[]): number[] {
  let max = 1;
  for (const cell of candidates) max = Math.max(max, subject.values[cell]!);
  const loss = candidates.map((cell) => (1 + 2 * subject.structure.totalDepth[cell]!) * (1 + subject.values[cell]! / max));
  const total = loss.reduce((a, b) => a + b, 0);
  return loss.map((l) => 1 + (0.5 * l) / total);
}

function solveMaster(weights: readonly number[], cuts: readonly Cut[], solver: LpSolver, seconds: number): MasterResult {
  const columns = weights.length;
  const rows: LinearRow[] = cuts.map((cut) => ({ lower: cut.rhs, upper: Infinity, columns: cut.columns, coefficients: cut.coefficients }));
  const model = solver.load({
    columnLower: new Float64Array(columns),
    columnUpper: new Float64Array(columns).fill(1),
    rows,
    integer: true,
    timeLimitSeconds: Math.max(0.1, seconds),
  });
  try {
    const all = Array.from({ length: columns }, (_, j) => j);
    const outcome = model.optimise({ columns: all, coefficients: [...weights] }, 'minimise', true);
    const bound = outcome.bound;
    if (outcome.status === 'infeasible') return { status: 'infeasible', bound };
    if (outcome.status !== 'optimal' || !outcome.values) return { status: 'time-limit', bound };
    const chosen = Uint8Array.from(outcome.values, (v) => (v > 0.5 ? 1 : 0));
    let count = 0;
    for (const y of chosen) count += y;
    return { status: 'optimal', chosen, count, bound };
  } finally {
    model.dispose();
  }
}

/**
 * Builds the cuts. The attacker's program in deviations z from the true counts, over the audit's
 * own leaves (attack-model.ts): max ±Σ_{leaves of the cell} z subject to, for every cell c,
 * lo_c ≤ Σ_{leaves of c} z ≤ hi_c, where [lo_c, hi_c] is what the attacker knows of c (its
 * published preimage, or the marker's range when suppressed) less its true count. Its dual is
 * min Σ hi_c·p_c − lo_c·q_c over p, q ≥ 0 with Σ_{c ∋ leaf} (p_c − q_c) = ±[leaf in the cell]; the
 * dual's constraints do not depend on the pattern, only its costs do, which is what makes the cut
 * valid for every pattern.
 */
class CutSeparator {
  private readonly leavesOf: number[][];
  private readonly published: { lo: Float64Array; hi: Float64Array };
  private readonly suppressed: { lo: Float64Array; hi: Float64Array };
  private readonly leafCount: number;
  private readonly need: number;

  constructor(
    private readonly subject: DisclosureSubject,
    publication: Publication,
    private readonly candidates: readonly number[],
    private readonly columnOf: Int32Array,
  ) {
    const model = attackModelOf(subject);
    this.leafCount = model.leafCell.length;
    this.leavesOf = Array.from({ length: publication.size }, (_, cell) => {
      const leaf = model.leafOfCell[cell]!;
      return leaf >= 0 ? [leaf] : model.aggregates[model.aggregateOfCell[cell]!]!.leaves;
    });
    // What the attacker knows of each cell as things stand, and of each candidate once suppressed.
    const everything = new Publication(publication.size);
    for (let cell = 0; cell < publication.size; cell++) everything.set(cell, publication.value(cell), publication.reason(cell));
    for (const cell of candidates) everything.set(cell, null, 'secondary');
    this.published = this.deviations(attackerKnowledge(subject, publication));
    this.suppressed = this.deviations(attackerKnowledge(subject, everything));
    this.need = subject.profile.protectionWidth - 1;
  }

  private deviations(knowledge: { lower: Float64Array; upper: Float64Array }) {
    const { values } = this.subject;
    return {
      lo: Float64Array.from(knowledge.lower, (v, c) => v - values[c]!),
      hi: Float64Array.from(knowledge.upper, (v, c) => v - values[c]!),
    };
  }

  /**
   * A capacity cut for one primary cell that the point y (by master column; whole for a candidate
   * pattern, fractional for the master's linear relaxation) violates, or null when there is none.
   */
  capacityCut(cell: number, y: ArrayLike<number>, solver: LpSolver): Cut | null {
    const up = this.dualBound(cell, 1, y, solver);
    const down = up && this.dualBound(cell, -1, y, solver);
    if (!up || !down) return null;
    const rhs = this.need - up.constant - down.constant;
    const columns: number[] = [];
    const coefficients: number[] = [];
    let atPoint = 0;
    this.candidates.forEach((_, j) => {
      // A coefficient beyond the right-hand side says the same as the right-hand side (y is 0 or 1).
      const coefficient = Math.min(rhs, up.coefficients[j]! + down.coefficients[j]!);
      if (coefficient <= tolerance) return;
      columns.push(j);
      coefficients.push(coefficient);
      atPoint += coefficient * y[j]!;
    });
    // Rounded towards validity: dual values carry floating-point noise.
    return atPoint < rhs - 1e-4 ? { columns, coefficients, rhs: rhs - tolerance, owner: cell } : null;
  }

  /** A cut that the candidate pattern violates, for a primary cell the audit narrowed. */
  cut(cell: number, chosen: Uint8Array, solver: LpSolver): Cut {
    const capacity = this.capacityCut(cell, chosen, solver);
    if (capacity) return capacity;
    // The linear program cannot see why the audit narrows the cell (whole numbers do): ask for more.
    const nearby = this.nearbyCandidates(cell, chosen);
    return { columns: nearby, coefficients: nearby.map(() => 1), rhs: 1, owner: cell };
  }

  /**
   * The candidates not yet chosen that could change what the attacker knows of `cell`. Its unknown
   * leaves and every unknown leaf joined to them through a relation form a closed system; a cell in
   * no relation touching that system, once suppressed, neither joins it nor loosens one of its
   * relations. So a pattern that adds only such far cells to the current one narrows `cell` just as
   * much, and (suppressing more never narrowing anything) so does every pattern without one of
   * these nearby cells: at least one of them is necessary.
   */
  private nearbyCandidates(cell: number, chosen: Uint8Array): number[] {
    const model = attackModelOf(this.subject);
    const isChosen = (c: number) => this.columnOf[c]! >= 0 && chosen[this.columnOf[c]!] === 1;
    const unknown = (leaf: number) => {
      const c = model.leafCell[leaf]!;
      if (c < 0) return true; // a national remainder, never published
      return isChosen(c) ? this.suppressed.lo[c]! < this.suppressed.hi[c]! : this.published.lo[c]! < this.published.hi[c]!;
    };
    const aggregatesOfLeaf = this.aggregatesOfLeaf();
    const inSystem = new Uint8Array(this.leafCount);
    const touching = new Set<number>();
    const own = model.aggregateOfCell[cell]!;
    if (own >= 0) touching.add(own);
    const queue = this.leavesOf[cell]!.filter(unknown);
    for (const leaf of queue) inSystem[leaf] = 1;
    while (queue.length > 0) {
      const leaf = queue.pop()!;
      for (const aggregate of aggregatesOfLeaf[leaf]!) {
        if (touching.has(aggregate) && aggregate !== own) continue;
        touching.add(aggregate);
        for (const other of model.aggregates[aggregate]!.leaves) {
          if (!inSystem[other] && unknown(other)) {
            inSystem[other] = 1;
            queue.push(other);
          }
        }
      }
    }
    const near = new Set<number>();
    const consider = (c: number) => {
      const column = c >= 0 ? this.columnOf[c]! : -1;
      if (column >= 0 && !chosen[column]) near.add(column);
    };
    for (const leaf of this.leavesOf[cell]!) consider(model.leafCell[leaf]!);
    for (const aggregate of touching) {
      consider(model.aggregates[aggregate]!.cell);
      for (const leaf of model.aggregates[aggregate]!.leaves) consider(model.leafCell[leaf]!);
    }
    return [...near].sort((a, b) => a - b);
  }

  private leafAggregates: number[][] | null = null;

  private aggregatesOfLeaf(): number[][] {
    if (!this.leafAggregates) {
      const model = attackModelOf(this.subject);
      const lists: number[][] = Array.from({ length: this.leafCount }, () => []);
      model.aggregates.forEach((aggregate, a) => {
        for (const leaf of aggregate.leaves) lists[leaf]!.push(a);
      });
      this.leafAggregates = lists;
    }
    return this.leafAggregates;
  }

  /**
   * A dual solution bounding how far the attacker can move `cell` (sign 1: up, −1: down) under the
   * current pattern, as an affine function of the pattern: constant + Σ coefficient_j·y_j. Null when
   * the attacker's program is unbounded that way (the cell passes on that side whatever is added).
   */
  private dualBound(cell: number, sign: 1 | -1, y: ArrayLike<number>, solver: LpSolver) {
    const size = this.leavesOf.length;
    const share = (c: number) => (this.columnOf[c]! >= 0 ? y[this.columnOf[c]!]! : 0);
    // At a fractional point a candidate's bounds are interpolated; an unbounded side counts for the
    // full need, as in the cut (whose coefficients are capped there).
    const hi = (c: number) => {
      const t = share(c);
      if (t <= tolerance) return this.published.hi[c]!;
      if (t >= 1 - tolerance || !Number.isFinite(this.published.hi[c]!)) return this.suppressed.hi[c]!;
      const gain = this.suppressed.hi[c]! - this.published.hi[c]!;
      return this.published.hi[c]! + t * (Number.isFinite(gain) ? gain : this.need);
    };
    const lo = (c: number) => this.published.lo[c]! + share(c) * (this.suppressed.lo[c]! - this.published.lo[c]!);
    // Columns: p_c (2c) and q_c (2c + 1). A side the attacker does not know (hi = ∞) has no dual.
    const columnLower = new Float64Array(2 * size);
    const columnUpper = new Float64Array(2 * size);
    const cost: number[] = [];
    const costed: number[] = [];
    for (let c = 0; c < size; c++) {
      columnUpper[2 * c] = Number.isFinite(hi(c)) ? Infinity : 0;
      columnUpper[2 * c + 1] = Number.isFinite(lo(c)) ? Infinity : 0;
      if (Number.isFinite(hi(c)) && hi(c) !== 0) {
        costed.push(2 * c);
        cost.push(hi(c));
      }
      if (Number.isFinite(lo(c)) && lo(c) !== 0) {
        costed.push(2 * c + 1);
        cost.push(-lo(c));
      }
    }
    const rows: LinearRow[] = Array.from({ length: this.leafCount }, () => ({ lower: 0, upper: 0, columns: [], coefficients: [] }));
    for (let c = 0; c < size; c++) {
      for (const leaf of this.leavesOf[c]!) {
        rows[leaf]!.columns.push(2 * c, 2 * c + 1);
        rows[leaf]!.coefficients.push(1, -1);
      }
    }
    for (const leaf of this.leavesOf[cell]!) rows[leaf]!.lower = rows[leaf]!.upper = sign;
    const model = solver.load({ columnLower, columnUpper, rows: rows.filter((row) => row.columns.length > 0 || row.lower !== 0) });
    try {
      const outcome = model.optimise({ columns: costed, coefficients: cost }, 'minimise', true);
      if (outcome.status !== 'optimal' || !outcome.values) return null;
      const dual = outcome.values;
      // Split the dual objective into what the pattern cannot change and what each candidate adds.
      let constant = 0;
      for (let c = 0; c < size; c++) {
        const p = dual[2 * c]!;
        const q = dual[2 * c + 1]!;
        if (p > 0 && Number.isFinite(this.published.hi[c]!)) constant += p * this.published.hi[c]!;
        if (q > 0) constant -= q * this.published.lo[c]!;
      }
      const coefficients = this.candidates.map((c) => {
        const p = dual[2 * c]!;
        const q = dual[2 * c + 1]!;
        const upward = p > tolerance ? (Number.isFinite(this.suppressed.hi[c]!) ? p * (this.suppressed.hi[c]! - this.published.hi[c]!) : Infinity) : 0;
        const downward = q > tolerance ? q * (this.published.lo[c]! - this.suppressed.lo[c]!) : 0;
        return upward + downward;
      });
      return { constant, coefficients };
    } finally {
      model.dispose();
    }
  }
}
