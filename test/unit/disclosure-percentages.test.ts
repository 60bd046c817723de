import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { discloseTable } from '../../shared/disclosure/disclose';
import type { LpSolver } from '../../shared/disclosure/linear-program';
import { percentage, percentageHalfUnit } from '../../shared/disclosure/percentages';
import { defaultTableOptions, type CountTable } from '../../shared/disclosure/table';
import { loadHighsSolver } from '../../electron/disclosure/highs-solver';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const wide = (rows: [string, number, number][]): CountTable => ({
  labelColumns: ['area'],
  countColumns: ['A', 'B', 'Total'],
  rows: rows.map(([label, a, b], i) => ({ labels: [label], counts: [a, b, a + b], sourceRow: i + 2 })),
});

describe('row percentages', () => {
  it('round halves away from zero at the profile’s decimals', () => {
    expect(percentage(1, 8, 0)).toBe(13); // 12.5 → 13
    expect(percentage(1, 8, 1)).toBe(12.5);
    expect(percentage(2, 3, 1)).toBe(66.7);
    expect(percentage(1, 200, 0)).toBe(1); // 0.5 → 1
  });

  it('are within half a unit of the true share, for every count and total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), (total, decimals, share) => {
        const n = Math.floor(share * total);
        const p = percentage(n, total, decimals);
        expect(Math.abs(p - (100 * n) / total)).toBeLessThanOrEqual(percentageHalfUnit(decimals) + 1e-9);
      }),
    );
  });

  it('are the marker where the count or the total is suppressed (nhs-community-mental-health)', () => {
    const profile = findBuiltinProfile('nhs-community-mental-health')!;
    const outcome = discloseTable(wide([['Leeds', 3, 40], ['York', 0, 0], ['Hull', 50, 60]]), profile, { ...defaultTableOptions, percentages: true }, solver);
    // Leeds: A suppressed → *, B = 40/43 → 93; York: total 0 suppressed → *; Hull: 45 and 55 (whole %).
    expect(outcome.percentages!.slice(0, 9)).toEqual([null, 93, undefined, null, null, undefined, 45, 55, undefined]);
  });

  it('from true counts can give a suppressed count away, and the audit sees it', () => {
    // A = 3 is suppressed (0–4), B = 97 is published as 95, the total 100 as 100. From the counts
    // alone A could be 1–4; B's share "97 %" pins B/T between 96.5 % and 97.5 %, so A is 3.
    const profile = findBuiltinProfile('nhs-community-mental-health')!;
    const table = wide([['Leeds', 3, 97]]);
    const without = discloseTable(table, profile, defaultTableOptions, solver);
    expect(without.audit.passed).toBe(true);
    expect(without.audit.cells[0]!.possibleValues).toBe(4);
    const withPercentages = discloseTable(table, profile, { ...defaultTableOptions, percentages: true }, solver);
    expect(withPercentages.percentages![1]).toBe(97);
    expect(withPercentages.audit.passed).toBe(false);
    expect(withPercentages.audit.cells[0]!.possibleValues).toBe(1);
    // From rounded counts the percentage (95 %) adds nothing the counts did not say.
    const fromRounded = { ...profile, id: 'cmh-rounded', percentages: { basis: 'rounded' as const, decimals: 0 } };
    const rounded = discloseTable(table, fromRounded, { ...defaultTableOptions, percentages: true }, solver);
    expect(rounded.percentages![1]).toBe(95);
    expect(rounded.audit.passed).toBe(true);
  });

  it('need a Total column', () => {
    const long: CountTable = { labelColumns: ['area'], countColumns: ['count'], rows: [{ labels: ['Leeds'], counts: [4], sourceRow: 2 }] };
    expect(() => discloseTable(long, findBuiltinProfile('threshold-10')!, { ...defaultTableOptions, percentages: true }, solver)).toThrow(
      /percentages are shares of a count column headed "Total"/,
    );
  });
});
