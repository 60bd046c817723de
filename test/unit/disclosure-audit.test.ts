import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPublication } from '../../shared/disclosure/audit';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { decideCell } from '../../shared/disclosure/cell-rules';
import { discloseTable } from '../../shared/disclosure/disclose';
import type { LpSolver } from '../../shared/disclosure/linear-program';
import { Publication } from '../../shared/disclosure/publication';
import { analyseStructure } from '../../shared/disclosure/structure';
import { buildSubject } from '../../shared/disclosure/subject';
import { defaultTableOptions, describeCell, type CountTable } from '../../shared/disclosure/table';
import { loadHighsSolver } from '../../electron/disclosure/highs-solver';
import { gridCell, gridTable } from '../helpers/disclosure-tables';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const smallNumbers = findBuiltinProfile('nhs-small-numbers-1-5')!;

/** Publishes a table with the profile's primary rule only: what a careless analyst would release. */
function primaryOnly(table: CountTable, profile = smallNumbers) {
  const structure = analyseStructure(table, defaultTableOptions);
  const subject = buildSubject(table, defaultTableOptions, structure, profile);
  const publication = new Publication(subject.values.length);
  for (let cell = 0; cell < publication.size; cell++) {
    const decision = decideCell(subject.values[cell]!, profile, false);
    publication.set(cell, decision.published, decision.reason);
  }
  return { subject, publication };
}

/**
 * Every row and column with a suppression holds at least two: the usual rule of thumb. Two closed
 * rectangles (rows 1–2 × columns 1–2, rows 3–4 × columns 3–4) are joined by the cell at row 1,
 * column 3. That cell is on no cycle of suppressed cells, so the totals give it away exactly.
 */
const big = 50;
const bridgeGrid = [
  [3, 4, 2, big, big],
  [4, 5, big, big, big],
  [big, big, 3, 4, big],
  [big, big, 5, 3, big],
  [big, big, big, big, big],
];
const columns = bridgeGrid[0]!.length;
const bridge = gridCell(columns, 0, 2);

describe('the attacker’s linear program', () => {
  it('recovers a cell exactly although every row and column has at least two suppressed cells', () => {
    const table = gridTable(bridgeGrid);
    const { subject, publication } = primaryOnly(table);
    // The rule of thumb holds: no row or column equation with a suppression has fewer than two.
    for (const equation of subject.structure.equations) {
      const suppressed = [equation.total, ...equation.members].filter((c) => publication.isSuppressed(c)).length;
      expect(suppressed === 0 || suppressed >= 2).toBe(true);
    }
    const audit = auditPublication(subject, publication, solver);
    expect(audit.passed).toBe(false);
    const recovered = audit.cells.find((c) => c.cell === bridge)!;
    expect(describeCell(table, bridge)).toBe('R1/C3');
    expect(recovered.possibleValues).toBe(1);
    expect(recovered.low).toBeCloseTo(2, 6); // the attacker pins it at its true value
    expect(recovered.high).toBeCloseTo(2, 6);
    // The other cells sit on cycles and keep their protection.
    expect(audit.cells.filter((c) => c.cell !== bridge).every((c) => c.possibleValues >= 5)).toBe(true);
  });

  it('the engine protects that table: complementary cells chosen, the audit then passes', () => {
    const table = gridTable(bridgeGrid);
    const outcome = discloseTable(table, smallNumbers, defaultTableOptions, solver);
    expect(outcome.audit.passed).toBe(true);
    expect(outcome.audit.cells.find((c) => c.cell === bridge)!.possibleValues).toBeGreaterThanOrEqual(5);
    const secondary = [...Array(outcome.publication.size).keys()].filter((c) => outcome.publication.reason(c) === 'secondary');
    expect(secondary.length).toBeGreaterThan(0);
    expect(secondary.length).toBeLessThanOrEqual(3); // kept small: one well-chosen cell is enough here
    for (const cell of secondary) expect(outcome.publication.protects[cell]).toBe(bridge);
  });

  it('sees through two suppressed cells whose sum is known to be 2: both must be 1', () => {
    const table = gridTable([
      [1, 1, 40],
      [1, 1, 40],
      [40, 40, 40],
    ]);
    const { subject, publication } = primaryOnly(table);
    const audit = auditPublication(subject, publication, solver);
    expect(audit.cells.map((c) => c.possibleValues)).toEqual([1, 1, 1, 1]);
    const outcome = discloseTable(table, smallNumbers, defaultTableOptions, solver);
    expect(outcome.audit.passed).toBe(true);
  });

  it('treats rounded cells as intervals: a national total shown exactly narrows a suppressed neighbour', () => {
    const secondaryCare = findBuiltinProfile('nhs-secondary-care')!;
    const table: CountTable = {
      labelColumns: ['area'],
      countColumns: ['count'],
      rows: [
        { labels: ['Leeds'], counts: [3], sourceRow: 2 },
        { labels: ['York'], counts: [40], sourceRow: 3 },
        { labels: ['Total'], counts: [43], sourceRow: 4 },
      ],
    };
    // Rounded total: 43 → 45 (43–47), York 40 (38–42): Leeds could be 1–9, so all of 1–7.
    const rounded = discloseTable(table, secondaryCare, defaultTableOptions, solver);
    expect(rounded.audit.cells[0]!.possibleValues).toBe(7);
    // Exact national total 43 and York 38–42: Leeds is 1–5.
    const national = discloseTable(table, secondaryCare, { ...defaultTableOptions, national: { column: 'area', value: 'Total' } }, solver);
    expect(national.audit.cells[0]!.possibleValues).toBe(5);
  });

  it('agrees with a brute-force attacker on small tables (every whole-number table consistent with the publication)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 6, max: 9 })), { minLength: 2, maxLength: 3 }), {
          minLength: 2,
          maxLength: 2,
        }).filter((g) => g.every((r) => r.length === g[0]!.length)),
        (grid) => {
          const table = gridTable(grid);
          const { subject, publication } = primaryOnly(table);
          const unknown = [...Array(publication.size).keys()].filter((c) => publication.isSuppressed(c));
          fc.pre(unknown.length > 0 && unknown.length <= 4);
          const audit = auditPublication(subject, publication, solver);
          const cap = 30;
          const oracle = bruteForceIntervals(subject.structure.equations, subject.values, unknown, cap);
          for (const cell of audit.cells) {
            const [low, high] = oracle.get(cell.cell)!;
            expect(Math.round(cell.low)).toBe(low);
            // At the search cap the brute force cannot see further: the LP must reach at least that far.
            if (high < cap) expect(Math.round(cell.high)).toBe(high);
            else expect(cell.high).toBeGreaterThanOrEqual(cap);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** Enumerates whole-number values 1..cap for every suppressed cell and keeps those matching every total. */
function bruteForceIntervals(
  equations: { total: number; members: number[] }[],
  truth: Float64Array,
  unknown: number[],
  cap: number,
): Map<number, [number, number]> {
  const values = Float64Array.from(truth);
  const seen = new Map<number, [number, number]>();
  const consistent = () => equations.every((e) => e.members.reduce((s, m) => s + values[m]!, 0) === values[e.total]);
  const search = (i: number) => {
    if (i === unknown.length) {
      if (!consistent()) return;
      for (const cell of unknown) {
        const [low, high] = seen.get(cell) ?? [Infinity, -Infinity];
        seen.set(cell, [Math.min(low, values[cell]!), Math.max(high, values[cell]!)]);
      }
      return;
    }
    for (let v = 1; v <= cap; v++) {
      values[unknown[i]!] = v;
      search(i + 1);
    }
  };
  search(0);
  return seen;
}
