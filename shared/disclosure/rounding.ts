/**
 * Rounding of whole-number counts to a base, with the tie rule stated rather than inherited from
 * the language: NHS statistical code rounds halves away from zero, while JavaScript's Math.round
 * rounds -2.5 to -2 (towards +∞). Everything here is integer arithmetic, so no floating-point
 * surprises at large counts.
 */
export const tieRules = ['half-away-from-zero', 'half-to-even', 'half-up', 'half-down'] as const;
export type TieRule = (typeof tieRules)[number];

export const tieRuleDescriptions: Record<TieRule, string> = {
  'half-away-from-zero': 'halves away from zero (15 → 20 to the nearest 10), as NHS statistical code does',
  'half-to-even': 'halves to the even multiple (15 → 20, 25 → 20 to the nearest 10)',
  'half-up': 'halves upwards, towards +∞ (15 → 20, −15 → −10 to the nearest 10)',
  'half-down': 'halves downwards, towards −∞ (15 → 10 to the nearest 10)',
};

/** Short forms for legends under a published table. */
export const tieRuleShort: Record<TieRule, string> = {
  'half-away-from-zero': 'halves rounded away from zero',
  'half-to-even': 'halves rounded to the even multiple',
  'half-up': 'halves rounded up',
  'half-down': 'halves rounded down',
};

/** `value` rounded to the nearest multiple of `base` (a whole number ≥ 1), ties broken by `tie`. */
export function roundToBase(value: number, base: number, tie: TieRule): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`roundToBase needs a whole number, not ${value}`);
  if (!Number.isSafeInteger(base) || base < 1) throw new RangeError(`rounding base must be a whole number ≥ 1, not ${base}`);
  const lower = Math.floor(value / base) * base;
  const remainder = value - lower; // 0 ≤ remainder < base, also for negative values
  const upper = lower + base;
  if (remainder * 2 < base) return lower;
  if (remainder * 2 > base) return upper;
  switch (tie) {
    case 'half-away-from-zero':
      return value >= 0 ? upper : lower;
    case 'half-to-even':
      return (lower / base) % 2 === 0 ? lower : upper;
    case 'half-up':
      return upper;
    case 'half-down':
      return lower;
  }
}
