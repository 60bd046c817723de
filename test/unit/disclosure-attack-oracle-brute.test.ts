import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attack } from '../helpers/independent-attacker/attack';
import type { PublicRules } from '../helpers/independent-attacker/public-rules';

/**
 * The independent attacker against brute force: one-row tables `area,A,B,C,Total` (with shares),
 * published by a toy publisher written here, and every whole-number table within reach enumerated
 * with the rules applied directly (rounding, the marker, the share formula). The attacker's count
 * of possible values must be the enumeration's, up to the protection width.
 */
const base: PublicRules = {
  marker: '*',
  suppression: { min: 1, max: 7 },
  zeros: 'show',
  rounding: { base: 5, tie: 'half-away-from-zero' },
  national: 'exempt',
  totals: 'from-true-counts',
  secondarySuppression: false,
  protectionWidth: 3,
  percentages: { basis: 'unrounded', decimals: 0 },
};

const variants: PublicRules[] = [
  base,
  { ...base, suppression: { min: 1, max: 4 }, zeros: 'suppress', protectionWidth: 3 },
  { ...base, suppression: { min: 1, max: 5 }, rounding: null, secondarySuppression: true, protectionWidth: 5, percentages: { basis: 'unrounded', decimals: 1 } },
  { ...base, suppression: { min: 1, max: 9 }, zeros: 'suppress', rounding: null, secondarySuppression: true, protectionWidth: 10, percentages: { basis: 'unrounded', decimals: 1 } },
  { ...base, suppression: { min: 3, max: 5 }, zeros: 'suppress', rounding: { base: 10, tie: 'half-to-even' }, protectionWidth: 4 },
];

const limit = 45;

const hidden = (rules: PublicRules, n: number) => (n === 0 ? rules.zeros === 'suppress' : !!rules.suppression && n >= rules.suppression.min && n <= rules.suppression.max);

function rounded(rules: PublicRules, n: number): number {
  if (!rules.rounding) return n;
  const { base: b, tie } = rules.rounding;
  const down = Math.floor(n / b) * b;
  const r = n - down;
  if (2 * r < b) return down;
  if (2 * r > b) return down + b;
  if (tie === 'half-down') return down;
  if (tie === 'half-to-even') return (down / b) % 2 === 0 ? down : down + b;
  return down + b;
}

const share = (rules: PublicRules, n: number, total: number) => {
  const scale = 10 ** rules.percentages.decimals;
  return Math.floor((200 * scale * n + total) / (2 * total)) / scale;
};

/** The toy publisher: hidden counts (and, with secondary suppression, the extra cells asked for) as the marker. */
function publish(rules: PublicRules, counts: number[], extra: boolean[], percentages: boolean): string[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const all = [...counts, total];
  // A complementary cell is never a shown zero: the marker says "a count of at least 1" where zeros are shown.
  const shown = all.map((n, i) => !hidden(rules, n) && !(rules.secondarySuppression && extra[i] && (n > 0 || rules.zeros === 'suppress')));
  const cells = all.map((n, i) => (shown[i] ? String(rounded(rules, n)) : rules.marker));
  if (percentages) {
    counts.forEach((n, i) => cells.push(!shown[i] || !shown[3] ? rules.marker : total > 0 ? String(share(rules, n, total)) : ''));
  }
  return cells;
}

/** Whether a candidate table would have been published exactly as `cells`, reading the rules directly. */
function fits(rules: PublicRules, cells: string[], counts: number[], percentages: boolean): boolean {
  const total = counts.reduce((a, b) => a + b, 0);
  const all = [...counts, total];
  for (let i = 0; i < 4; i++) {
    const text = cells[i]!;
    const n = all[i]!;
    if (text === rules.marker) {
      if (!hidden(rules, n) && !(rules.secondarySuppression && (n > 0 || rules.zeros === 'suppress'))) return false;
    } else if (hidden(rules, n) || String(rounded(rules, n)) !== text) return false;
  }
  if (percentages) {
    for (let i = 0; i < 3; i++) {
      const text = cells[4 + i]!;
      if (text === rules.marker || text === '') continue;
      if (total === 0 || share(rules, all[i]!, total) !== Number(text)) return false;
    }
  }
  return true;
}

const ref = (column: string) => ({ release: 'table', labels: ['X'], column });

describe('the independent attacker against brute force', () => {
  it('counts the same possible values as an enumeration of every table within reach', async () => {
    const small = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 14 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...variants),
        fc.tuple(small, small, small),
        fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
        fc.boolean(),
        async (rules, counts, extra, percentages) => {
          const cells = publish(rules, counts, extra, percentages);
          const header = ['area', 'A', 'B', 'C', 'Total', ...(percentages ? ['A %', 'B %', 'C %'] : [])];
          const csv = `${header.join(',')}\nX,${cells.join(',')}\n`;
          const result = await attack({
            releases: [{ name: 'table', csv, labelColumns: ['area'], rules, national: null, percentagesOf: percentages ? 'Total' : null }],
            relations: [{ total: ref('Total'), members: ['A', 'B', 'C'].map(ref) }],
          });
          const seen = [new Set<number>(), new Set<number>(), new Set<number>(), new Set<number>()];
          for (let a = 0; a <= limit; a++) {
            for (let b = 0; b <= limit; b++) {
              for (let c = 0; c <= limit; c++) {
                if (!fits(rules, cells, [a, b, c], percentages)) continue;
                [a, b, c, a + b + c].forEach((n, i) => seen[i]!.add(n));
              }
            }
          }
          const expected = cells.slice(0, 4).flatMap((text, i) =>
            text === rules.marker ? [{ column: ['A', 'B', 'C', 'Total'][i]!, low: Math.min(...seen[i]!), possibleValues: Math.min(seen[i]!.size, rules.protectionWidth) }] : [],
          );
          expect(result.verdicts.map((v) => ({ column: v.ref.column, low: v.low, possibleValues: v.possibleValues })), csv).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
