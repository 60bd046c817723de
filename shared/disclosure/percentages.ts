import type { Publication } from './publication';
import type { DisclosureSubject } from './subject';

/**
 * Row percentages of a wide table: each count column's share of the row's Total column. The
 * profile says whether they come from the published (rounded) counts or the true ones, and to how
 * many decimals; a percentage computed from a suppressed count is the marker, never a number.
 *
 * Percentages from true counts carry information the rounded counts do not (97 % of a total
 * published as 100 says more than "95"), so each one is also a constraint in the attacker's audit.
 */
export type PublishedPercentage = number | null | undefined; // null: the marker; undefined: no percentage

/** 100·n/d rounded to `decimals`, halves away from zero, in exact integer arithmetic. */
export function percentage(numerator: number, denominator: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Math.floor((2 * 100 * scale * numerator + denominator) / (2 * denominator));
  return scaled / scale;
}

/** Half a unit in the last decimal shown: a published p stands for a true share within p ± this. */
export const percentageHalfUnit = (decimals: number) => 0.5 * 10 ** -decimals;

export function publishPercentages(subject: DisclosureSubject, publication: Publication): PublishedPercentage[] {
  const { table, structure, profile, values } = subject;
  const width = table.countColumns.length;
  const result: PublishedPercentage[] = new Array<PublishedPercentage>(values.length).fill(undefined);
  const totalColumn = structure.totalColumn;
  if (totalColumn < 0) return result;
  const { basis, decimals } = profile.percentages;
  for (let r = 0; r < table.rows.length; r++) {
    const total = r * width + totalColumn;
    for (let c = 0; c < width; c++) {
      if (c === totalColumn) continue;
      const cell = r * width + c;
      if (publication.isSuppressed(cell) || publication.isSuppressed(total)) {
        result[cell] = null;
        continue;
      }
      const numerator = basis === 'rounded' ? publication.value(cell)! : values[cell]!;
      const denominator = basis === 'rounded' ? publication.value(total)! : values[total]!;
      result[cell] = denominator > 0 ? percentage(numerator, denominator, decimals) : undefined;
    }
  }
  return result;
}

/**
 * What published percentages tell the attacker. A published p (to d decimals, P = p·10^d) of a true
 * count n in a true total T means exactly percentage(n, T, d) = p, that is
 *   2T·P ≤ 200·10^d·n + T < 2T·(P + 1),
 * the half-open interval [p − ½, p + ½) in units of the last decimal. In whole numbers the strict
 * side is ≤ −1, so both sides are linear inequalities in n and T with integer coefficients:
 *   200·10^d·n − (2P − 1)·T ≥ 0   and   200·10^d·n − (2P + 1)·T ≤ −1.
 * Percentages from rounded counts are a function of what is published already and add nothing.
 */
export interface RatioConstraint {
  numerator: number;
  denominator: number;
  /** The published percentage times 10^decimals: a whole number. */
  scaledPercent: number;
  /** 10^decimals. */
  scale: number;
}

export function percentageConstraints(subject: DisclosureSubject, published: readonly PublishedPercentage[]): RatioConstraint[] {
  const { profile, structure, table } = subject;
  if (profile.percentages.basis === 'rounded' || structure.totalColumn < 0) return [];
  const width = table.countColumns.length;
  const scale = 10 ** profile.percentages.decimals;
  const constraints: RatioConstraint[] = [];
  published.forEach((p, cell) => {
    if (typeof p !== 'number') return;
    const denominator = Math.floor(cell / width) * width + structure.totalColumn;
    constraints.push({ numerator: cell, denominator, scaledPercent: Math.round(p * scale), scale });
  });
  return constraints;
}
