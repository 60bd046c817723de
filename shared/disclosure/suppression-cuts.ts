import { attackerKnowledge } from './attacker';
import { attackModelOf } from './audit';
import type { LinearRow, LpSolver } from './linear-program';
import { Publication } from './publication';
import type { DisclosureSubject } from './subject';

/** One necessary condition on the pattern: Σ coefficient·y ≥ rhs, over master columns. */
export interface Cut {
  columns: number[];
  coefficients: number[];
  rhs: number;
  /** The primary cell it protects, for the report's "protects". */
  owner: number;
}

const tolerance = 1e-6;

/**
 * Builds the cuts. The attacker's program in deviations z from the true counts, over the audit's
 * own leaves (attack-model.ts): max ±Σ_{leaves of the cell} z subject to, for every cell c,
 * lo_c ≤ Σ_{leaves of c} z ≤ hi_c, where [lo_c, hi_c] is what the attacker knows of c (its
 * published preimage, or the marker's range when suppressed) less its true count. Its dual is
 * min Σ hi_c·p_c − lo_c·q_c over p, q ≥ 0 with Σ_{c ∋ leaf} (p_c − q_c) = ±[leaf in the cell]; the
 * dual's constraints do not depend on the pattern, only its costs do, which is what makes the cut
 * valid for every pattern.
 */
export class CutSeparator {
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
