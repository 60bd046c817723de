import type { PublicRules, WholeRange } from './public-rules';
import { primaryRanges } from './public-rules';
import { roundingPreimage } from './rounding-preimage';

/**
 * What one published count tells the attacker about the true count, from the public rules alone.
 * `exact`: a national figure under an exempt profile. A number otherwise stands for every count
 * that rounds to it and would not have been hidden. The marker stands for a hidden count, or, where
 * the profile hides complementary cells, for any count at all.
 */
export type CountText = { kind: 'marker' } | { kind: 'number'; value: number };

export function readCount(rules: PublicRules, text: string): CountText {
  if (text === rules.marker) return { kind: 'marker' };
  if (/^\d+$/.test(text)) return { kind: 'number', value: Number(text) };
  throw new Error(`the published count "${text}" is neither a whole number nor the marker "${rules.marker}"`);
}

export function markerMeans(rules: PublicRules): WholeRange[] {
  if (rules.secondarySuppression) return [{ low: rules.zeros === 'suppress' ? 0 : 1, high: null }, ...primaryRanges(rules)];
  return primaryRanges(rules);
}

export function numberMeans(rules: PublicRules, value: number, national: boolean): WholeRange[] {
  if (national && rules.national === 'exempt') return [{ low: value, high: value }];
  return roundingPreimage(rules, value);
}

/**
 * A published share p (to `decimals` places) of count n in total T, computed as
 * floor((200·s·n + T) / (2T)) = P with s = 10^decimals and P = p·s: the half-open interval, as two
 * integer inequalities 200·s·n − (2P−1)·T ≥ 0 and 200·s·n − (2P+1)·T ≤ −1.
 */
export function percentageUnits(text: string, decimals: number): number {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`the published percentage "${text}" is not a number`);
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > decimals) throw new Error(`the published percentage "${text}" has more than ${decimals} decimals`);
  return Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
}
