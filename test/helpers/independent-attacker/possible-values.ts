import type { IntegerModel } from './integer-model';
import { optimise } from './highs-mip';

/**
 * How many whole values a cell can take, counted up to a cap: the least value, then the next
 * feasible value above it, and so on, each found by an integer program ("the smallest x ≥ v + 1").
 * Gaps count as nothing, which is how a ratio constraint can pin a cell an interval would not.
 * Solutions already seen (for any cell) are witnesses that save solves.
 */
export class Witnesses {
  private readonly seen: Set<number>[] = [];

  record(values: readonly number[]): void {
    values.forEach((x, v) => (this.seen[v] ??= new Set()).add(x));
  }

  has(variable: number, value: number): boolean {
    return this.seen[variable]?.has(value) ?? false;
  }
}

export interface PossibleValues {
  low: number;
  /** The greatest value, when fewer than the cap were found; otherwise the greatest value counted. */
  high: number;
  /** Distinct whole values found, stopping at the cap. */
  count: number;
}

export async function possibleValues(model: IntegerModel, variable: number, cap: number, ceiling: number, witnesses: Witnesses): Promise<PossibleValues> {
  const lowest = await optimise(model, { variable, sense: 'min' }, ceiling);
  if (!lowest.feasible) throw new Error('the published tables and the rules contradict each other: no whole-number table fits them');
  witnesses.record(lowest.values);
  const low = lowest.values[variable]!;
  let count = 1;
  let at = low;
  while (count < cap) {
    if (witnesses.has(variable, at + 1)) at += 1;
    else {
      const next = await optimise(model, { variable, sense: 'min' }, ceiling, [
        { terms: [[variable, 1]], sense: '>=', rhs: at + 1, why: `${model.names[variable]} ≥ ${at + 1}` },
      ]);
      if (!next.feasible) break;
      witnesses.record(next.values);
      at = next.values[variable]!;
    }
    count++;
  }
  return { low, high: at, count };
}
