import { describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { runProduct } from '../helpers/disclose-file-adapter';
import { playRound } from '../helpers/attack-property';
import { hierarchy, hypercube, nationalTable, type TrueTable } from '../helpers/attack-shapes';
import type { CellRef } from '../helpers/independent-attacker/cell-ref';
import { publishedCells, readPublishedCsv } from '../helpers/independent-attacker/published-table';
import { useTempDir } from '../helpers/temp-dir';

/**
 * Issue 10, one test per numbered class, on the issue's own examples: the product refuses, or it
 * publishes something the independent attacker cannot break.
 */
const temp = useTempDir('custodian-attack-');

async function refusedOrSafe(tables: TrueTable[], id: string, options: { totalLabels?: string[]; percentages?: boolean } = {}) {
  const round = await playRound({ tables, profile: findBuiltinProfile(id)!, totalLabels: options.totalLabels ?? ['Total'], percentages: options.percentages, dir: temp.dir });
  expect(round.recoveries, `published:\n${round.published.join('\n---\n')}`).toEqual([]);
  return round;
}

describe('issue 10: no suppressed count recoverable', () => {
  it('1. percentages attacked with whole numbers: X1,6,9,85,100 under nhs-secondary-care', async () => {
    const table = hypercube({
      release: 'table',
      dimensions: [
        { name: 'area', categories: ['X1'], total: null },
        { name: 'group', categories: ['A', 'B', 'C'], total: 'Total' },
      ],
      value: ([, g]) => [6, 9, 85][g!]!,
      wide: true,
    });
    expect(table.csv).toBe('area,A,B,C,Total\nX1,6,9,85,100\n');
    await refusedOrSafe([{ ...table, percentagesOf: 'Total' }], 'nhs-secondary-care', { percentages: true });
  });

  it('2. a national row is a sum: North 5, four regions 0, England 5 (--national area=England)', async () => {
    const table = nationalTable({ areas: [[5], [0], [0], [0], [0]], sexTotal: false });
    const renamed = { ...table, csv: 'area,count\nNorth,5\nSouth,0\nEast,0\nWest,0\nMidlands,0\nEngland,5\n' };
    const names = ['North', 'South', 'East', 'West', 'Midlands'];
    const ref = (area: string): CellRef => ({ release: 'table', labels: [area], column: 'count' });
    const relations = [{ total: ref('England'), members: names.map(ref) }];
    const truth = new Map([...names.map((n, i) => [`table | ${n} | count`, i === 0 ? 5 : 0] as const), ['table | England | count', 5] as const]);
    await refusedOrSafe([{ ...renamed, relations, truth }], 'nhs-secondary-care');
  });

  it('2. a national row is a sum in 2-D as well, with rounded regions', async () => {
    const table = nationalTable({ areas: [[3, 12], [9, 21], [0, 13]], sexTotal: true });
    await refusedOrSafe([table], 'nhs-secondary-care');
    await refusedOrSafe([table], 'nhs-community-mental-health');
  });

  it('3. a grand total without sub-totals: Total,Total,94 and Total,,94', async () => {
    for (const grand of ['Total,Total', 'Total,'] as const) {
      const table = hierarchy({ areas: [[[3], [40]], [[21], [30]]], subtotals: false, grand });
      expect(table.csv).toContain(`${grand},94`);
      for (const id of ['nhs-small-numbers-1-5', 'threshold-10', 'nhs-secondary-care']) await refusedOrSafe([table], id);
    }
  });

  it('4. more than one total label: Total on one dimension, All on the other', async () => {
    const table = hypercube({
      release: 'table',
      dimensions: [
        { name: 'area', categories: ['Leeds', 'York', 'Hull'], total: 'Total' },
        { name: 'sex', categories: ['Female', 'Male'], total: 'All' },
      ],
      value: ([a, s]) => [[3, 20], [15, 25], [30, 2]][a!]![s!]!,
    });
    for (const totalLabels of [['Total', 'All'], ['Total'], ['All']]) {
      for (const id of ['nhs-small-numbers-1-5', 'threshold-10']) await refusedOrSafe([table], id, { totalLabels });
    }
  });

  it('5. thousands separators: a count column with "1,234" still has its small counts suppressed', async () => {
    // Male is mostly thousands-separated, as a large area's counts are; Female is plain. Every count is a count.
    const csv = 'area,Male,Female\nLeeds,"1,234",812\nYork,3,15\nHull,"2,001",4\nWakefield,"1,017",960\nSelby,"12,480",2\n';
    const small = new Set(['York|Male', 'Hull|Female', 'Selby|Female']);
    const result = await runProduct({ csv, profile: findBuiltinProfile('nhs-small-numbers-1-5')!, totalLabels: ['Total'], national: null, scratch: temp.path('separators') });
    expect(result.refusal).toBeNull();
    const cells = publishedCells(readPublishedCsv(result.published!), ['area']);
    expect(cells).toHaveLength(10);
    for (const cell of cells) {
      const where = `${cell.labels[0]}|${cell.column}`;
      if (small.has(where)) expect(cell.count, where).toBe('*');
      else expect(cell.count, where).not.toBe('*');
    }
  });

  it('6. linked tables: region × sex, then region × age band, from the same records', async () => {
    // Region1's men are 6 (hidden in the first table); the second table publishes its age bands.
    const micro = [
      [[13, 2], [0, 6]],
      [[5, 5], [26, 25]],
    ]; // region → sex → age band
    const microRef = (r: number, s: number, a: number): CellRef => ({ release: 'microdata', labels: [`Region${r + 1}`, ['F', 'M'][s]!, `Age${a + 1}`], column: 'count' });
    const regions = { name: 'region', categories: ['Region1', 'Region2'], total: 'Total' };
    const bySex = hypercube({
      release: 'first',
      dimensions: [regions, { name: 'sex', categories: ['F', 'M'], total: 'Total' }],
      value: ([r, s]) => micro[r!]![s!]![0]! + micro[r!]![s!]![1]!,
      finest: ([r, s]) => [0, 1].map((a) => ({ ref: microRef(r!, s!, a), count: micro[r!]![s!]![a]! })),
    });
    const byAge = hypercube({
      release: 'second',
      dimensions: [regions, { name: 'age', categories: ['Age1', 'Age2'], total: 'Total' }],
      value: ([r, a]) => micro[r!]![0]![a!]! + micro[r!]![1]![a!]!,
      finest: ([r, a]) => [0, 1].map((s) => ({ ref: microRef(r!, s, a!), count: micro[r!]![s]![a!]! })),
    });
    for (const id of ['nhs-small-numbers-1-5', 'threshold-10', 'nhs-secondary-care', 'opensafely']) await refusedOrSafe([bySex, byAge], id);
  });
});
