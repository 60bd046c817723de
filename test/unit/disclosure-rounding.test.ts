import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToBase, tieRules } from '../../shared/disclosure/rounding';

describe('rounding to a base with a stated tie rule', () => {
  it('rounds halves away from zero, as NHS code does, where Math.round would not', () => {
    expect(roundToBase(15, 10, 'half-away-from-zero')).toBe(20);
    expect(roundToBase(-15, 10, 'half-away-from-zero')).toBe(-20);
    // Math.round(-1.5) is -1: the rule JavaScript would have applied by default.
    expect(Math.round(-15 / 10) * 10).toBe(-10);
    expect(roundToBase(25, 10, 'half-to-even')).toBe(20);
    expect(roundToBase(35, 10, 'half-to-even')).toBe(40);
    expect(roundToBase(15, 10, 'half-up')).toBe(20);
    expect(roundToBase(-15, 10, 'half-up')).toBe(-10);
    expect(roundToBase(15, 10, 'half-down')).toBe(10);
  });

  it('rounds to the nearest 5 as the NHS profiles publish: 8 → 10, 12 → 10, 13 → 15, 1002 → 1000', () => {
    expect([8, 12, 13, 1002].map((v) => roundToBase(v, 5, 'half-away-from-zero'))).toEqual([10, 10, 15, 1000]);
  });

  it('for every value, base and tie rule: a multiple of the base, at most half a base away', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(...tieRules), (v, base, tie) => {
        const r = roundToBase(v, base, tie);
        expect(Math.abs(r % base)).toBe(0);
        expect(2 * Math.abs(r - v)).toBeLessThanOrEqual(base);
        if (2 * Math.abs(r - v) < base) {
          // Not a tie: every rule agrees on the nearest multiple.
          for (const other of tieRules) expect(roundToBase(v, base, other)).toBe(r);
        }
      }),
    );
  });

  it('breaks every tie the way its rule says', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 500 }), (k, half) => {
        const base = 2 * half;
        const v = k * base + half; // exactly halfway between k·base and (k+1)·base
        const low = k * base;
        const high = low + base;
        expect(roundToBase(v, base, 'half-away-from-zero')).toBe(v >= 0 ? high : low);
        expect(roundToBase(v, base, 'half-up')).toBe(high);
        expect(roundToBase(v, base, 'half-down')).toBe(low);
        expect((roundToBase(v, base, 'half-to-even') / base) % 2 === 0).toBe(true);
      }),
    );
  });

  it('refuses a fractional value rather than guessing', () => {
    expect(() => roundToBase(2.5, 5, 'half-up')).toThrow(/whole number/);
  });
});
