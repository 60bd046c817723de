import { auditPublication, primaryCells, type AuditResult } from './audit';
import type { LinearRow, LpSolver } from './linear-program';
import { Publication } from './publication';
import { addComplementarySuppressions, isComplementEligible, type SecondaryResult } from './secondary-suppression';
import { CutSeparator, type Cut } from './suppression-cuts';
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
