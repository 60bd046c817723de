import { describe, expect, it } from 'vitest';
import { builtinProfiles, findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { decideCell } from '../../shared/disclosure/cell-rules';
import { describeSuppressedRange, disclosureProfileSchema, suppressedRangeSize } from '../../shared/disclosure/profile';
import { describeZodError } from '../../shared/validation/describe-zod-error';

const profile = (id: string) => findBuiltinProfile(id)!;
const publish = (id: string, values: number[], national = false) => values.map((v) => decideCell(v, profile(id), national).published);

describe('built-in disclosure profiles', () => {
  it('ships exactly the five profiles the issue names, each with a source and a verification note', () => {
    expect(builtinProfiles.map((p) => p.id)).toEqual([
      'nhs-secondary-care',
      'nhs-community-mental-health',
      'nhs-small-numbers-1-5',
      'opensafely',
      'threshold-10',
    ]);
    for (const p of builtinProfiles) {
      expect(p.sources.length).toBeGreaterThan(0);
      expect(p.verification.length).toBeGreaterThan(50);
      expect(p.version).toBeGreaterThanOrEqual(1);
    }
  });

  it('nhs-secondary-care: 0 stays 0, 1–7 → *, others to the nearest 5, national unrounded', () => {
    expect(publish('nhs-secondary-care', [0, 1, 7, 8, 12, 13, 1234])).toEqual([0, null, null, 10, 10, 15, 1235]);
    expect(publish('nhs-secondary-care', [3, 1234], true)).toEqual([3, 1234]);
  });

  it('nhs-community-mental-health: 0–4 → *, others to the nearest 5, national not suppressed', () => {
    expect(publish('nhs-community-mental-health', [0, 4, 5, 6, 8])).toEqual([null, null, 5, 5, 10]);
    expect(publish('nhs-community-mental-health', [2], true)).toEqual([2]);
    expect(describeSuppressedRange(profile('nhs-community-mental-health'))).toBe('0–4');
  });

  it('nhs-small-numbers-1-5: 1–5 → *, zeros and everything else exact', () => {
    expect(publish('nhs-small-numbers-1-5', [0, 1, 5, 6, 11])).toEqual([0, null, null, 6, 11]);
    expect(profile('nhs-small-numbers-1-5').secondarySuppression).toBe(true);
  });

  it('opensafely: ≤ 7 redacted, others rounded to 5, totals summed from the shown cells', () => {
    expect(publish('opensafely', [0, 7, 8, 22])).toEqual([null, null, 10, 20]);
    expect(profile('opensafely').totals).toBe('sum-of-published');
  });

  it('threshold-10: under 10 suppressed, zeros included, width 10', () => {
    expect(publish('threshold-10', [0, 9, 10])).toEqual([null, null, 10]);
    expect(suppressedRangeSize(profile('threshold-10'))).toBe(10);
    expect(profile('threshold-10').protectionWidth).toBe(10);
  });

  it('a custom profile is checked by the same schema, with messages that name the field', () => {
    const custom = { ...profile('threshold-10'), id: 'my-profile', rounding: { base: 1, tie: 'sideways' }, marker: '=X' };
    const result = disclosureProfileSchema.safeParse(custom);
    expect(result.success).toBe(false);
    const message = describeZodError(result.error!);
    expect(message).toContain('rounding.base: must be at least 2');
    expect(message).toContain('rounding.tie');
    expect(message).toContain('marker: must not start with = + - @');
    expect(disclosureProfileSchema.safeParse({ ...profile('threshold-10'), id: 'ok-profile' }).success).toBe(true);
  });
});
