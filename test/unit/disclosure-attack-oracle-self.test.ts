import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack } from '../helpers/independent-attacker/attack';
import type { PublicRules } from '../helpers/independent-attacker/public-rules';
import { roundingPreimage } from '../helpers/independent-attacker/rounding-preimage';

/**
 * The independent attacker checked on its own, on cases worked out by hand, and checked to be
 * independent: nothing in it imports the disclosure code it attacks.
 */
const secondaryCare: PublicRules = {
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

const smallNumbers: PublicRules = {
  ...secondaryCare,
  suppression: { min: 1, max: 5 },
  rounding: null,
  national: 'same-as-local',
  secondarySuppression: true,
  protectionWidth: 5,
  percentages: { basis: 'unrounded', decimals: 1 },
};

const cell = (labels: string[], column: string) => ({ release: 'table', labels, column });

describe('the independent attacker', () => {
  it('imports nothing from the disclosure code it attacks', () => {
    const folder = join(__dirname, '../helpers/independent-attacker');
    for (const file of readdirSync(folder)) {
      const text = readFileSync(join(folder, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((path) => !path.startsWith('./') && !['highs', 'csv-parse/sync'].includes(path)), file).toEqual([]);
    }
  });

  it('reads a rounded count as every count that rounds to it and would not have been hidden', () => {
    expect(roundingPreimage(secondaryCare, 10)).toEqual([{ low: 8, high: 12 }]);
    expect(roundingPreimage(secondaryCare, 0)).toEqual([{ low: 0, high: 0 }]);
    expect(roundingPreimage(secondaryCare, 5)).toEqual([]);
    expect(roundingPreimage({ ...secondaryCare, rounding: { base: 10, tie: 'half-to-even' } }, 20)).toEqual([{ low: 15, high: 25 }]);
    expect(roundingPreimage({ ...secondaryCare, rounding: { base: 10, tie: 'half-to-even' } }, 30)).toEqual([{ low: 26, high: 34 }]);
    expect(roundingPreimage({ ...secondaryCare, rounding: { base: 10, tie: 'half-down' } }, 10)).toEqual([{ low: 8, high: 15 }]);
    expect(roundingPreimage({ ...secondaryCare, zeros: 'suppress', suppression: { min: 3, max: 4 }, rounding: { base: 10, tie: 'half-up' } }, 0)).toEqual([
      { low: 1, high: 2 },
    ]);
  });

  it('pins the hidden share of X1,6,9,85,100 to 6 with whole numbers (issue 10, class 1)', async () => {
    const csv = '\ufeffarea,A,B,C,Total,A %,B %,C %\r\nX1,*,10,85,100,*,9,85\r\n\r\nlegend line,,,,,,,\r\n';
    const total = cell(['X1'], 'Total');
    const result = await attack({
      releases: [{ name: 'table', csv, labelColumns: ['area'], rules: secondaryCare, national: null, percentagesOf: 'Total' }],
      relations: [{ total, members: ['A', 'B', 'C'].map((c) => cell(['X1'], c)) }],
    });
    expect(result.verdicts).toHaveLength(1);
    expect(result.verdicts[0]).toMatchObject({ low: 6, high: 6, possibleValues: 1 });
    const truth = new Map([
      ['table | X1 | A', 6],
      ['table | X1 | B', 9],
      ['table | X1 | C', 85],
      ['table | X1 | Total', 100],
    ]);
    expect(result.violations(truth)).toEqual([]);
    expect(result.violations(new Map([...truth, ['table | X1 | A', 5]]))).not.toEqual([]);
  });

  it('without the percentages, leaves A every hidden value the totals allow', async () => {
    const csv = 'area,A,B,C,Total\nX1,*,10,85,100\n';
    const result = await attack({
      releases: [{ name: 'table', csv, labelColumns: ['area'], rules: secondaryCare, national: null, percentagesOf: null }],
      relations: [{ total: cell(['X1'], 'Total'), members: ['A', 'B', 'C'].map((c) => cell(['X1'], c)) }],
    });
    // T 98..102, B 8..12, C 83..87: A = T − B − C is at least 1 (its range) and at most 102 − 8 − 83 = 11 → 1..7,
    // counted from 1 up to the width 3.
    expect(result.verdicts[0]).toMatchObject({ low: 1, high: 3, possibleValues: 3 });
  });

  it('reads an exempt national row as exact (issue 10, class 2)', async () => {
    const csv = 'area,count\nNorth,*\nSouth,0\nEast,0\nWest,0\nMidlands,0\nEngland,5\n';
    const areas = ['North', 'South', 'East', 'West', 'Midlands'];
    const result = await attack({
      releases: [{ name: 'table', csv, labelColumns: ['area'], rules: secondaryCare, national: { column: 'area', value: 'England' }, percentagesOf: null }],
      relations: [{ total: cell(['England'], 'count'), members: areas.map((a) => cell([a], 'count')) }],
    });
    expect(result.verdicts[0]).toMatchObject({ low: 5, high: 5, possibleValues: 1 });
  });

  it('counts whole values up to the protection width where complementary cells hide the rest', async () => {
    const csv = 'area,count\nA1,*\nA2,*\nA3,20\nTotal,30\n';
    const result = await attack({
      releases: [{ name: 'table', csv, labelColumns: ['area'], rules: smallNumbers, national: null, percentagesOf: null }],
      relations: [{ total: cell(['Total'], 'count'), members: ['A1', 'A2', 'A3'].map((a) => cell([a], 'count')) }],
    });
    // A1 + A2 = 10, each at least 1: 1..9, counted from 1 to the width 5.
    expect(result.verdicts.map((v) => [v.low, v.high, v.possibleValues])).toEqual([
      [1, 5, 5],
      [1, 5, 5],
    ]);
  });

  it('finds the gaps a ratio leaves inside an interval', async () => {
    // A and C hidden (at least 1 each, as complementary cells may be anything), B = 60 and the total 70
    // exact, so A + C = 10; C's share 5.7 % is 4/70 (3/70 is 4.3 %, 5/70 is 7.1 %), so C = 4 and A = 6.
    const csv = 'area,A,B,C,Total,A %,B %,C %\nX,*,60,*,70,*,85.7,5.7\n';
    const result = await attack({
      releases: [{ name: 'table', csv, labelColumns: ['area'], rules: smallNumbers, national: null, percentagesOf: 'Total' }],
      relations: [{ total: cell(['X'], 'Total'), members: ['A', 'B', 'C'].map((c) => cell(['X'], c)) }],
    });
    expect(result.verdicts.map((v) => [v.ref.column, v.low, v.high, v.possibleValues])).toEqual([
      ['A', 6, 6, 1],
      ['C', 4, 4, 1],
    ]);
  });
});
