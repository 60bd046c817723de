import type { PublicRules, WholeRange } from './public-rules';
import { isPrimaryCount } from './public-rules';

/**
 * The true counts a published number can stand for: those ≥ 0 that round to it under the base
 * and tie rule, minus the counts the profile would have hidden behind the marker instead.
 * Computed by trying each candidate, so the tie rule is read from its words, not from product code.
 */
export function roundingPreimage(rules: PublicRules, published: number): WholeRange[] {
  const rounding = rules.rounding;
  const candidates: number[] = [];
  if (!rounding) candidates.push(published);
  else {
    const { base } = rounding;
    for (let v = Math.max(0, published - base); v <= published + base; v++) {
      if (roundsTo(v, base, rounding.tie) === published) candidates.push(v);
    }
  }
  return toRanges(candidates.filter((v) => v >= 0 && !isPrimaryCount(rules, v)));
}

/** The multiple of `base` nearest to the whole number v ≥ 0, a tie broken as the rule says. */
function roundsTo(v: number, base: number, tie: NonNullable<PublicRules['rounding']>['tie']): number {
  const below = v - (v % base);
  const above = below + base;
  const toBelow = v - below;
  const toAbove = above - v;
  if (toBelow < toAbove) return below;
  if (toAbove < toBelow) return above;
  switch (tie) {
    case 'half-away-from-zero':
    case 'half-up':
      return above;
    case 'half-down':
      return below;
    case 'half-to-even':
      return (below / base) % 2 === 0 ? below : above;
  }
}

export function toRanges(sorted: number[]): WholeRange[] {
  const ranges: WholeRange[] = [];
  for (const v of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.high === v - 1) last.high = v;
    else ranges.push({ low: v, high: v });
  }
  return ranges;
}
