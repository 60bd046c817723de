import type { DisclosureProfile } from './profile';
import { describeSuppressedRange } from './profile';
import { roundToBase } from './rounding';

/**
 * What happens to one cell, and why. The reason drives the colour and the explanation in the
 * preview and the `action`/`rule` of each change in the report.
 */
export const cellReasons = ['unchanged', 'national', 'primary', 'secondary', 'rounded', 'total-recomputed'] as const;
export type CellReason = (typeof cellReasons)[number];

export interface CellDecision {
  /** The published count, or null for the suppression marker. */
  published: number | null;
  reason: CellReason;
}

const unchanged = (value: number): CellDecision => ({ published: value, reason: 'unchanged' });

/**
 * The profile's rule for one cell on its own (primary suppression and rounding). Totals
 * conventions and secondary suppression, which need the whole table, come afterwards.
 */
export function decideCell(value: number, profile: DisclosureProfile, national: boolean): CellDecision {
  if (national && profile.national === 'exempt') return { published: value, reason: 'national' };
  if (value === 0) return profile.zeros === 'suppress' ? { published: null, reason: 'primary' } : unchanged(0);
  const range = profile.suppression;
  if (range && value >= range.min && value <= range.max) return { published: null, reason: 'primary' };
  if (!profile.rounding) return unchanged(value);
  const rounded = roundToBase(value, profile.rounding.base, profile.rounding.tie);
  return rounded === value ? unchanged(value) : { published: rounded, reason: 'rounded' };
}

/** The true counts that a published number could stand for, under the profile's local rule. */
export function preimageOfPublished(published: number, profile: DisclosureProfile): { low: number; high: number } {
  if (!profile.rounding) return { low: published, high: published };
  // Every count that rounds to `published` lies within one base of it; scan that window.
  const base = profile.rounding.base;
  let low = Infinity;
  let high = -Infinity;
  for (let value = Math.max(0, published - base); value <= published + base; value++) {
    if (decideCell(value, profile, false).published === published) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return low <= high ? { low, high } : { low: published, high: published };
}

/** The counts hidden by the marker under the profile's primary rule, as an interval. */
export function primarySuppressedInterval(profile: DisclosureProfile): { low: number; high: number } | null {
  const range = profile.suppression;
  if (!range) return profile.zeros === 'suppress' ? { low: 0, high: 0 } : null;
  return { low: profile.zeros === 'suppress' ? 0 : range.min, high: range.max };
}

/** One line explaining a cell's treatment, as shown on hover and written in the report's `rule`. */
export function explainReason(
  reason: CellReason,
  profile: DisclosureProfile,
  protects: string | null = null,
): string {
  switch (reason) {
    case 'primary':
      return `${describeSuppressedRange(profile)} suppressed`;
    case 'secondary':
      return protects ? `secondary: protects ${protects}` : 'secondary suppression';
    case 'rounded':
      return profile.rounding ? `rounded to ${profile.rounding.base}` : 'rounded';
    case 'total-recomputed':
      return 'total recomputed as the sum of the published cells';
    case 'national':
      return 'national figure: published exactly';
    case 'unchanged':
      return 'published as it is';
  }
}
