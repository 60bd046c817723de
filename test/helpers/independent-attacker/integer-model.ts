import type { WholeRange } from './public-rules';

/**
 * The attacker's knowledge as a system over whole numbers: one variable per cell (and per hidden
 * microdata cell), each with a domain that is a union of whole-number ranges, and linear
 * constraints with integer coefficients. Built here, written out as CPLEX LP text for HiGHS, and
 * able to check any assignment exactly, so a solver's answer is never taken on trust.
 */
export interface LinearConstraint {
  terms: [variable: number, coefficient: number][];
  sense: '=' | '>=' | '<=';
  rhs: number;
  /** Where the constraint came from, for messages. */
  why: string;
}

export class IntegerModel {
  readonly names: string[] = [];
  readonly domains: WholeRange[][] = [];
  readonly constraints: LinearConstraint[] = [];
  private readonly index = new Map<string, number>();

  /** The variable for a cell, created with the domain "any whole number ≥ 0". */
  variable(name: string): number {
    let v = this.index.get(name);
    if (v === undefined) {
      v = this.names.length;
      this.index.set(name, v);
      this.names.push(name);
      this.domains.push([{ low: 0, high: null }]);
    }
    return v;
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  /** Narrows a variable's domain to its intersection with `ranges`. */
  restrict(variable: number, ranges: WholeRange[]): void {
    this.domains[variable] = intersect(this.domains[variable]!, ranges);
  }

  add(constraint: LinearConstraint): void {
    this.constraints.push(constraint);
  }

  /** Every domain or constraint an assignment breaks, computed exactly (BigInt for products). */
  violations(values: readonly number[], extra: readonly LinearConstraint[] = []): string[] {
    const broken: string[] = [];
    this.domains.forEach((ranges, v) => {
      const x = values[v];
      if (x === undefined || !Number.isSafeInteger(x)) broken.push(`${this.names[v]}: no whole value (${x})`);
      else if (!ranges.some((r) => x >= r.low && (r.high === null || x <= r.high))) {
        broken.push(`${this.names[v]} = ${x} is outside ${describeRanges(ranges)}`);
      }
    });
    for (const c of [...this.constraints, ...extra]) {
      let lhs = 0n;
      for (const [v, a] of c.terms) lhs += BigInt(a) * BigInt(values[v] ?? Number.NaN);
      const rhs = BigInt(c.rhs);
      const ok = c.sense === '=' ? lhs === rhs : c.sense === '>=' ? lhs >= rhs : lhs <= rhs;
      if (!ok) broken.push(`${c.why}: ${lhs} ${c.sense} ${rhs} fails`);
    }
    return broken;
  }

  /**
   * CPLEX LP text: optimise one variable (the others at cost 0), with every variable whole.
   * A domain of several ranges gets one 0/1 chooser per range. `ceiling` stands in for "no upper
   * bound" so that every program is bounded.
   */
  toLp(objective: { variable: number; sense: 'min' | 'max' }, ceiling: number, extra: readonly LinearConstraint[] = []): string {
    const x = (v: number) => `x${v}`;
    const rows: string[] = [];
    const bounds: string[] = [];
    const integers: string[] = this.names.map((_, v) => x(v));
    const zeroCost: string[] = [];
    let rowNumber = 0;
    const row = (terms: [string, number][], sense: string, rhs: number) => {
      rows.push(` r${rowNumber++}: ${formatTerms(terms)} ${sense} ${rhs}`);
    };
    this.domains.forEach((ranges, v) => {
      if (v !== objective.variable) zeroCost.push(`+ 0 ${x(v)}`);
      if (ranges.length === 0) {
        bounds.push(` 0 <= ${x(v)} <= 0`);
        row([[x(v), 0]], '>=', 1); // an empty domain: the program is infeasible
        return;
      }
      const high = (r: WholeRange) => Math.min(r.high ?? ceiling, ceiling);
      if (ranges.length === 1) {
        bounds.push(` ${ranges[0]!.low} <= ${x(v)} <= ${high(ranges[0]!)}`);
        return;
      }
      bounds.push(` ${ranges[0]!.low} <= ${x(v)} <= ${high(ranges[ranges.length - 1]!)}`);
      const choosers = ranges.map((_, k) => `z${v}_${k}`);
      choosers.forEach((z) => {
        bounds.push(` 0 <= ${z} <= 1`);
        integers.push(z);
        zeroCost.push(`+ 0 ${z}`);
      });
      row(choosers.map((z) => [z, 1]), '=', 1);
      row([[x(v), 1], ...ranges.map((r, k): [string, number] => [choosers[k]!, -r.low])], '>=', 0);
      row([[x(v), 1], ...ranges.map((r, k): [string, number] => [choosers[k]!, -high(r)])], '<=', 0);
    });
    for (const c of [...this.constraints, ...extra]) {
      row(
        c.terms.map(([v, a]) => [x(v), a]),
        c.sense,
        c.rhs,
      );
    }
    const lines = [
      objective.sense === 'min' ? 'Minimize' : 'Maximize',
      ` obj: ${x(objective.variable)}`,
      ...chunk(zeroCost, 20).map((part) => `  ${part.join(' ')}`),
      'Subject To',
      ...(rows.length > 0 ? rows : [` r0: ${x(objective.variable)} >= 0`]),
      'Bounds',
      ...bounds,
      'General',
      ...chunk(integers, 20).map((part) => ` ${part.join(' ')}`),
      'End',
    ];
    return lines.join('\n') + '\n';
  }
}

function formatTerms(terms: [string, number][]): string {
  const parts = terms.map(([name, a], i) => {
    const sign = a < 0 ? '-' : i === 0 ? '' : '+';
    return `${sign}${sign && i > 0 ? ' ' : ''}${Math.abs(a)} ${name}`;
  });
  return chunk(parts, 20)
    .map((part) => part.join(' '))
    .join('\n   ');
}

function chunk<T>(items: T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

export function intersect(a: WholeRange[], b: WholeRange[]): WholeRange[] {
  const result: WholeRange[] = [];
  for (const r of a) {
    for (const s of b) {
      const low = Math.max(r.low, s.low);
      const high = r.high === null ? s.high : s.high === null ? r.high : Math.min(r.high, s.high);
      if (high === null || low <= high) result.push({ low, high });
    }
  }
  return normalise(result);
}

/** Sorted, with overlapping or touching ranges merged. */
export function normalise(ranges: WholeRange[]): WholeRange[] {
  const sorted = [...ranges].sort((p, q) => p.low - q.low);
  const merged: WholeRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.high === null || r.low <= last.high + 1)) {
      last.high = last.high === null || r.high === null ? null : Math.max(last.high, r.high);
    } else merged.push({ ...r });
  }
  return merged;
}

export const describeRanges = (ranges: WholeRange[]): string =>
  ranges.length === 0 ? '{}' : ranges.map((r) => (r.high === r.low ? `${r.low}` : `${r.low}..${r.high ?? '∞'}`)).join(' ∪ ');
