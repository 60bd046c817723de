import { beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { discloseTable } from '../../shared/disclosure/disclose';
import type { LpSolver } from '../../shared/disclosure/linear-program';
import { disclosureProfileSchema, type DisclosureProfile } from '../../shared/disclosure/profile';
import { defaultTableOptions, describeCell, type CountTable, type TableOptions } from '../../shared/disclosure/table';
import { isCertainlyUnimodular } from '../../shared/disclosure/unimodular';
import { loadHighsSolver } from '../../electron/disclosure/highs-solver';

/**
 * The audit's own picture of a table's arithmetic (issue 10): each class of relation that the
 * protection's inference once missed, and the audit with it, now makes the audit refuse a table from
 * which a suppressed count can be worked out, and lets through a table from which it cannot.
 */
let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const secondaryCare = findBuiltinProfile('nhs-secondary-care')!;
const threshold10 = findBuiltinProfile('threshold-10')!;
/** 1–5 suppressed, nothing rounded, no complementary cells: what a careless analyst would publish. */
const primaryOnly: DisclosureProfile = disclosureProfileSchema.parse({
  ...findBuiltinProfile('nhs-small-numbers-1-5')!,
  id: 'primary-only',
  secondarySuppression: false,
});

function table(labelColumns: string[], countColumns: string[], rows: (string | number)[][]): CountTable {
  return {
    labelColumns,
    countColumns,
    rows: rows.map((row, i) => ({
      labels: row.slice(0, labelColumns.length).map(String),
      counts: row.slice(labelColumns.length).map(Number),
      sourceRow: i + 2,
    })),
  };
}

const audit = (t: CountTable, profile: DisclosureProfile, options: Partial<TableOptions> = {}) =>
  discloseTable(t, profile, { ...defaultTableOptions, ...options }, solver).audit;

describe('the audit sees every relation the table has', () => {
  it('1. percentages: only A = 6 fits whole numbers, although the linear relaxation leaves room', () => {
    const t = table(['area'], ['A', 'B', 'C', 'Total'], [['X1', 6, 9, 85, 100]]);
    const result = audit(t, secondaryCare, { percentages: true });
    expect(result.passed).toBe(false);
    const cell = result.cells[0]!;
    expect(describeCell(t, cell.cell)).toBe('X1/A');
    expect(cell.integer).toBe(true); // the relaxation alone would not have caught it
    expect(cell.possibleValues).toBeLessThan(3);
    // Without the percentages the same table is safe: the rounded counts leave A several values.
    expect(audit(t, secondaryCare).passed).toBe(true);
  });

  it('2. a national row that is the sum of the regions is an equation: North is exactly 5', () => {
    const rows = [['North', 5], ['South', 0], ['East', 0], ['West', 0], ['Midlands', 0], ['England', 5]];
    const result = audit(table(['area'], ['count'], rows), secondaryCare, { national: { column: 'area', value: 'England' } });
    expect(result.passed).toBe(false);
    expect(result.cells[0]!.possibleValues).toBe(1);
    // A national figure above the regions listed (areas left out) says only "at least": North keeps 1–7.
    const wider = [...rows.slice(0, 5), ['England', 12]];
    const safe = audit(table(['area'], ['count'], wider), secondaryCare, { national: { column: 'area', value: 'England' } });
    expect(safe.passed).toBe(true);
    expect(safe.cells[0]!.possibleValues).toBe(7);
  });

  it('2. in a 2-D table the national row sums each column: a rounded neighbour cannot hide the cell', () => {
    const t = table(['area', 'sex'], ['count'], [
      ['North', 'F', 3], ['North', 'M', 40], ['South', 'F', 0], ['South', 'M', 31],
      ['England', 'F', 3], ['England', 'M', 71],
    ]);
    const result = audit(t, secondaryCare, { national: { column: 'area', value: 'England' } });
    expect(result.passed).toBe(false);
  });

  it.each([
    ['Total', 'Total'],
    ['Total', ''],
  ])('3. a grand total with no subtotals (%s,%s) adds up the rows above it', (region, area) => {
    const t = table(['region', 'area'], ['count'], [
      ['N', 'a1', 3], ['N', 'a2', 40], ['S', 'a3', 20], ['S', 'a4', 31], [region, area, 94],
    ]);
    const result = audit(t, primaryOnly);
    expect(result.passed).toBe(false);
    expect(result.cells[0]!.possibleValues).toBe(1);
    // The protection knows it too: a total that does not add up is refused before anything is published.
    const wrong = table(['region', 'area'], ['count'], [['N', 'a1', 3], ['N', 'a2', 40], ['S', 'a3', 20], [region, area, 94]]);
    expect(() => discloseTable(wrong, primaryOnly, defaultTableOptions, solver)).toThrow(/does not equal the sum/);
  });

  it('4. a second total label: undeclared, its rows are found from the values and the refusal names them', () => {
    const t = table(['region', 'sex'], ['count'], [
      ['N', 'F', 3], ['N', 'M', 40], ['N', 'All', 43], ['S', 'F', 20], ['S', 'M', 31], ['S', 'All', 51],
    ]);
    const undeclared = audit(t, primaryOnly);
    expect(undeclared.passed).toBe(false);
    expect(undeclared.undeclaredTotals.map((u) => [t.labelColumns[u.column], u.label, u.rows])).toEqual([['sex', 'All', [2, 5]]]);
    // Declared, the protection treats it as a total and hides a complementary cell; the audit passes.
    const declared = discloseTable(t, threshold10, { ...defaultTableOptions, totalLabels: ['Total', 'All'] }, solver);
    expect(declared.audit.passed).toBe(true);
    expect(declared.publication.count('secondary')).toBeGreaterThan(0);
  });

  it('4. an undeclared All beside a column of zeros: both All and the other column look like sums, and both are kept', () => {
    // S1 is 0 everywhere, so All = S2 and S2 = All: each is "the sum of the rest". A wildcard for each
    // would contradict the values and drop the relation; an equation for each keeps S1 = All − S2 = 0.
    const rows: (string | number)[][] = [];
    for (const [area, s2] of [['A1', 12], ['A2', 15], ['A3', 20], ['Total', 47]] as const) rows.push([area, 'S1', 0], [area, 'S2', s2], [area, 'All', s2]);
    const result = audit(table(['area', 'sex'], ['count'], rows), threshold10);
    expect(result.passed).toBe(false);
    expect(result.cells.every((c) => c.possibleValues === 1)).toBe(true);
  });

  it('a row that merely copies another beside zeros is not taken for an undeclared total', () => {
    // R1A1 and R1A3 are equal and R1A2 is all zeros: each of the two "is the sum" of the others in
    // every group. Taken for totals, they would pin R1A2 at 0 and refuse a table the protection
    // made safe (found by the engine's property test).
    const rows = [["Region1", "R1A1", "S1", 6], ["Region1", "R1A1", "S2", 2], ["Region1", "R1A1", "Total", 8], ["Region1", "R1A2", "S1", 0], ["Region1", "R1A2", "S2", 0], ["Region1", "R1A2", "Total", 0], ["Region1", "R1A3", "S1", 6], ["Region1", "R1A3", "S2", 2], ["Region1", "R1A3", "Total", 8], ["Region1", "Total", "S1", 12], ["Region1", "Total", "S2", 4], ["Region1", "Total", "Total", 16], ["Region2", "R2A1", "S1", 13], ["Region2", "R2A1", "S2", 13], ["Region2", "R2A1", "Total", 26], ["Region2", "Total", "S1", 13], ["Region2", "Total", "S2", 13], ["Region2", "Total", "Total", 26], ["Total", "Total", "S1", 25], ["Total", "Total", "S2", 17], ["Total", "Total", "Total", 42]];
    const t = table(['region', 'area', 'sex'], ['count'], rows);
    const outcome = discloseTable(t, threshold10, defaultTableOptions, solver);
    expect(outcome.audit.undeclaredTotals).toEqual([]);
    expect(outcome.audit.passed).toBe(true);
  });

  it('4. Total on one dimension and All on another, both declared: every margin is an equation', () => {
    const t = table(['region', 'sex'], ['count'], [
      ['N', 'F', 3], ['N', 'M', 40], ['N', 'All', 43],
      ['S', 'F', 20], ['S', 'M', 31], ['S', 'All', 51],
      ['Total', 'F', 23], ['Total', 'M', 71], ['Total', 'All', 94],
    ]);
    const outcome = discloseTable(t, threshold10, { ...defaultTableOptions, totalLabels: ['Total', 'All'] }, solver);
    expect(outcome.subject.structure.equations.length).toBe(3 + 3); // by region (3 columns of sex) and by sex (3 rows)
    expect(outcome.audit.passed).toBe(true);
  });
});

describe('tables the audit cannot model', () => {
  it('refuses, in words, a table with more label columns than the model has coordinates', () => {
    const columns = Array.from({ length: 30 }, (_, i) => `l${i}`);
    const t = table(columns, ['count'], [[...columns.map(() => 'a'), 3], [...columns.slice(0, 29).map(() => 'a'), 'Total', 3]]);
    expect(() => discloseTable(t, primaryOnly, defaultTableOptions, solver)).toThrow(/30 label columns; the attacker's audit handles at most 29/);
  });
});

describe('whole numbers where the relaxation is not exact', () => {
  it('certifies 2-D and hierarchical patterns as unimodular, and not 3-D tables with every margin', () => {
    const [a, b, c] = [1, 2, 4];
    expect(isCertainlyUnimodular([a, b, a | b], 2)).toBe(true); // rows, columns, grand total
    expect(isCertainlyUnimodular([b, a | b, 4, b | 4, a | b | 4], 3)).toBe(true); // region ⊃ area, against columns
    expect(isCertainlyUnimodular([a | b, a | c, b | c], 3)).toBe(false); // the three 2-D margins of a 3-D table
  });

  it('a 3-D table whose relaxation leaves a cell room is attacked in whole numbers', () => {
    // Every 2-D margin of a 2×2×2 table: the audit must run an integer program, and agree with the
    // relaxation wherever the relaxation already pins the cell.
    const cells: (string | number)[][] = [];
    const truth = (i: number, j: number, k: number) => [[[1, 9], [9, 1]], [[9, 1], [1, 9]]][i]![j]![k]!;
    const label = (i: number, names: string[]) => (i < 2 ? names[i]! : 'Total');
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 3; k++) {
          let sum = 0;
          for (let x = 0; x < 2; x++) for (let y = 0; y < 2; y++) for (let z = 0; z < 2; z++) {
            if ((i === 2 || i === x) && (j === 2 || j === y) && (k === 2 || k === z)) sum += truth(x, y, z);
          }
          cells.push([label(i, ['a1', 'a2']), label(j, ['b1', 'b2']), label(k, ['c1', 'c2']), sum]);
        }
      }
    }
    const t = table(['a', 'b', 'c'], ['count'], cells);
    // Rounded to 5, the 9s and the margins are intervals: the relaxation leaves each 1 room, and
    // since the three margins are not unimodular together the count comes from an integer program.
    const result = audit(t, secondaryCare);
    expect(result.cells.length).toBe(4);
    expect(result.cells.every((c) => c.integer)).toBe(true);
    // Published exactly, the 9s give the 1s away through the margins, whole numbers or not.
    const exact = audit(t, primaryOnly);
    expect(exact.passed).toBe(false);
    expect(exact.cells.every((c) => c.possibleValues === 1)).toBe(true);
  });
});
