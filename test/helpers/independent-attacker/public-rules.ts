/**
 * What the attacker reads in a profile: the public rules printed beside every published table.
 * Declared here, not imported from the product, so that the attacker's idea of a rule is its own;
 * a built-in profile object fits this shape structurally.
 */
export interface PublicRules {
  marker: string;
  /** Counts min..max are hidden behind the marker. */
  suppression: { min: number; max: number } | null;
  zeros: 'show' | 'suppress';
  rounding: { base: number; tie: 'half-away-from-zero' | 'half-to-even' | 'half-up' | 'half-down' } | null;
  national: 'exempt' | 'same-as-local';
  totals: 'from-true-counts' | 'sum-of-published';
  secondarySuppression: boolean;
  protectionWidth: number;
  percentages: { basis: 'rounded' | 'unrounded'; decimals: number };
}

/** An inclusive range of whole numbers; `high` null means unbounded above. */
export interface WholeRange {
  low: number;
  high: number | null;
}

/** The counts a profile hides as "primary": min..max, and 0 when zeros are suppressed. */
export function primaryRanges(rules: PublicRules): WholeRange[] {
  const ranges: WholeRange[] = [];
  const { suppression } = rules;
  if (rules.zeros === 'suppress') {
    if (suppression && suppression.min === 1) return [{ low: 0, high: suppression.max }];
    ranges.push({ low: 0, high: 0 });
  }
  if (suppression) ranges.push({ low: suppression.min, high: suppression.max });
  return ranges;
}

export const isPrimaryCount = (rules: PublicRules, count: number): boolean =>
  primaryRanges(rules).some((r) => count >= r.low && (r.high === null || count <= r.high));
