import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPublication } from '../../shared/disclosure/audit';
import { findBuiltinProfile } from '../../shared/disclosure/builtin-profiles';
import { decideCell } from '../../shared/disclosure/cell-rules';
import { discloseTable } from '../../shared/disclosure/disclose';
import type { LpSolver } from '../../shared/disclosure/linear-program';
import { chooseComplementarySuppressions, findMinimumSuppression } from '../../shared/disclosure/optimal-suppression';
import type { DisclosureProfile } from '../../shared/disclosure/profile';
import { Publication } from '../../shared/disclosure/publication';
import { addComplementarySuppressions } from '../../shared/disclosure/secondary-suppression';
import { analyseStructure } from '../../shared/disclosure/structure';
import { buildSubject } from '../../shared/disclosure/subject';
import { defaultTableOptions, type CountTable } from '../../shared/disclosure/table';
import { loadHighsSolver } from '../../electron/disclosure/highs-solver';
import { gridCell, gridTable, hierarchicalTable, oneWayTable } from '../helpers/disclosure-tables';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const smallNumbers = findBuiltinProfile('nhs-small-numbers-1-5')!;
const threshold10 = findBuiltinProfile('threshold-10')!;

/** The table after the profile's primary rule, as discloseTable has it before complementary suppression. */
function primaryOnly(table: CountTable, profile: DisclosureProfile) {
  const subject = buildSubject(table, defaultTableOptions, analyseStructure(table, defaultTableOptions), profile);
  const publication = new Publication(subject.values.length);
  for (let cell = 0; cell < publication.size; cell++) {
    const decision = decideCell(subject.values[cell]!, profile, false);
    publication.set(cell, decision.published, decision.reason);
  }
  return { subject, publication };
}

const secondaryCells = (publication: Publication) => [...Array(publication.size).keys()].filter((c) => publication.reason(c) === 'secondary');

describe('the exact minimum of complementary cells', () => {
  it('closes a 2 × 2 table with one small count with exactly three more cells, and proves three the minimum', () => {
    const { subject, publication } = primaryOnly(gridTable([[3, 20], [30, 40]]), smallNumbers);
    const outcome = findMinimumSuppression(subject, publication, solver);
    expect(outcome.status).toBe('optimal');
    expect(outcome.added).toBe(3);
    expect(outcome.lowerBound).toBe(3);
    // By hand: the small cell's row and its column each need another suppressed cell (a count or
    // the margin), and those two must lie on a cycle closed by a third: two cells never suffice.
    const chosen = secondaryCells(publication);
    expect(chosen).toHaveLength(3);
    // Of the patterns of three, the interior rectangle hides no total: the tie-break prefers it.
    expect(chosen.sort((a, b) => a - b)).toEqual([gridCell(2, 0, 1), gridCell(2, 1, 0), gridCell(2, 1, 1)]);
    expect(auditPublication(subject, publication, solver).passed).toBe(true);
  });

  it('needs one cell in a one-way table with a total, and never a zero', () => {
    const { subject, publication } = primaryOnly(oneWayTable([3, 0, 40]), smallNumbers);
    const outcome = findMinimumSuppression(subject, publication, solver);
    expect(outcome.status).toBe('optimal');
    expect(outcome.added).toBe(1);
    expect(secondaryCells(publication)).not.toContain(1); // the zero protects nothing
    expect(publication.value(1)).toBe(0);
  });

  it('chooses nothing when the primary cells already protect each other', () => {
    // Threshold 10 hides 0–9; the four small cells form a rectangle that the totals cannot narrow.
    const { subject, publication } = primaryOnly(gridTable([[5, 6, 40], [7, 8, 50], [60, 70, 80]]), threshold10);
    expect(auditPublication(subject, publication, solver).passed).toBe(true);
    const outcome = findMinimumSuppression(subject, publication, solver);
    expect(outcome).toMatchObject({ status: 'optimal', added: 0, lowerBound: 0 });
    expect(secondaryCells(publication)).toHaveLength(0);
  });

  it('discloseTable uses it and reports the count beside the lower bound', () => {
    const table = gridTable([[3, 20, 30], [40, 50, 60], [70, 80, 90]]);
    const outcome = discloseTable(table, smallNumbers, defaultTableOptions, solver);
    expect(outcome.audit.passed).toBe(true);
    expect(outcome.secondary?.method).toBe('exact');
    expect(outcome.secondary?.complementary).toBe(3);
    expect(outcome.secondary?.lowerBound).toBe(3);
    expect(secondaryCells(outcome.publication)).toHaveLength(3);
  });

  it('falls back to the heuristic when out of time, with the table unchanged by the attempt', () => {
    const { subject, publication } = primaryOnly(gridTable([[3, 20, 30], [40, 2, 60], [70, 80, 4]]), smallNumbers);
    const result = chooseComplementarySuppressions(subject, publication, solver, () => {}, { timeLimitSeconds: 0 });
    expect(result.method).toBe('heuristic');
    expect(result.complementary).toBe(secondaryCells(publication).length);
    expect(auditPublication(subject, publication, solver).passed).toBe(true);
  });

  it('leaves tables beyond the size limit to the heuristic, with no bound', () => {
    const { subject, publication } = primaryOnly(gridTable([[3, 20], [30, 40]]), smallNumbers);
    const result = chooseComplementarySuppressions(subject, publication, solver, () => {}, { maxCells: 4 });
    expect(result.method).toBe('heuristic');
    expect(result.lowerBound).toBeNull();
    expect(auditPublication(subject, publication, solver).passed).toBe(true);
  });

  it('on a hierarchical table, passes the audit with no more cells than the heuristic', () => {
    const table = hierarchicalTable([
      [
        [3, 40, 50],
        [60, 70, 2],
      ],
      [
        [80, 4, 90],
        [30, 35, 45],
      ],
    ]);
    const exact = primaryOnly(table, smallNumbers);
    const heuristic = primaryOnly(table, smallNumbers);
    const outcome = findMinimumSuppression(exact.subject, exact.publication, solver);
    addComplementarySuppressions(heuristic.subject, heuristic.publication, solver);
    expect(outcome.status).toBe('optimal');
    expect(auditPublication(exact.subject, exact.publication, solver).passed).toBe(true);
    expect(outcome.added).toBeLessThanOrEqual(secondaryCells(heuristic.publication).length);
  });
});

/** area × month × sex in long format with every margin (Total on any combination of dimensions). */
function cubeTable(counts: number[][][]): CountTable {
  const rows: CountTable['rows'] = [];
  const sizes = [counts.length, counts[0]!.length, counts[0]![0]!.length];
  const labels = ['A', 'M', 'S'];
  for (let a = 0; a <= sizes[0]!; a++) {
    for (let m = 0; m <= sizes[1]!; m++) {
      for (let x = 0; x <= sizes[2]!; x++) {
        const at = [a, m, x];
        let sum = 0;
        counts.forEach((plane, i) =>
          plane.forEach((line, j) =>
            line.forEach((n, k) => {
              if ([i, j, k].every((v, d) => at[d] === sizes[d] || at[d] === v)) sum += n;
            }),
          ),
        );
        rows.push({ labels: at.map((v, d) => (v === sizes[d] ? 'Total' : `${labels[d]}${v + 1}`)), counts: [sum], sourceRow: rows.length + 2 });
      }
    }
  }
  return { labelColumns: ['area', 'month', 'sex'], countColumns: ['count'], rows };
}

describe('property: the exact pattern always passes the audit and is never larger than the heuristic’s', () => {
  const count = fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 120 }), fc.constant(0));
  const grid = fc
    .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 4 }))
    .chain(([rows, columns]) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

  it.each([
    ['nhs-small-numbers-1-5', smallNumbers],
    ['threshold-10', threshold10],
  ])('%s on random 2-D tables with margins', (_, profile) => {
    fc.assert(
      fc.property(grid, (cells) => {
        const table = gridTable(cells);
        const exact = primaryOnly(table, profile);
        const heuristic = primaryOnly(table, profile);
        const outcome = findMinimumSuppression(exact.subject, exact.publication, solver, { timeLimitSeconds: 20 });
        const fallback = addComplementarySuppressions(heuristic.subject, heuristic.publication, solver);
        const heuristicPassed = auditPublication(heuristic.subject, heuristic.publication, solver).passed;
        if (outcome.status !== 'optimal') {
          // Only a table no pattern protects may stop the exact search here; the heuristic must agree.
          expect(outcome.status).toBe('infeasible');
          expect(fallback.unprotectable.length > 0 || !heuristicPassed).toBe(true);
          return;
        }
        expect(auditPublication(exact.subject, exact.publication, solver).passed).toBe(true);
        expect(secondaryCells(exact.publication)).toHaveLength(outcome.added);
        for (const cell of secondaryCells(exact.publication)) {
          expect(exact.subject.values[cell]).toBeGreaterThan(0);
        }
        expect(outcome.lowerBound).toBe(outcome.added);
        if (heuristicPassed) expect(outcome.added).toBeLessThanOrEqual(secondaryCells(heuristic.publication).length);
      }),
      { numRuns: 12, seed: 20261204 },
    );
  }, 120_000);

  it('threshold-10 on random 3-D tables with all margins (whole-number attacks)', () => {
    const cube = fc.array(fc.array(fc.array(count, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 3 });
    let proved = 0;
    fc.assert(
      fc.property(cube, (counts) => {
        const table = cubeTable(counts);
        const exact = primaryOnly(table, threshold10);
        const heuristic = primaryOnly(table, threshold10);
        const outcome = findMinimumSuppression(exact.subject, exact.publication, solver, { timeLimitSeconds: 20 });
        addComplementarySuppressions(heuristic.subject, heuristic.publication, solver);
        if (outcome.status !== 'optimal') return; // out of time or unprotectable: the heuristic decides
        proved++;
        expect(auditPublication(exact.subject, exact.publication, solver).passed).toBe(true);
        expect(outcome.lowerBound).toBe(outcome.added);
        if (auditPublication(heuristic.subject, heuristic.publication, solver).passed) {
          expect(outcome.added).toBeLessThanOrEqual(secondaryCells(heuristic.publication).length);
        }
      }),
      { numRuns: 6, seed: 20261204 },
    );
    expect(proved).toBeGreaterThan(0);
  }, 240_000);

  it('whatever stops the exact search (a time limit of a fraction of a second here), the result passes and is no larger', () => {
    const cube = fc.array(fc.array(fc.array(count, { minLength: 2, maxLength: 3 }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(cube, (counts) => {
        const table = cubeTable(counts);
        const chosen = primaryOnly(table, threshold10);
        const heuristic = primaryOnly(table, threshold10);
        const result = chooseComplementarySuppressions(chosen.subject, chosen.publication, solver, () => {}, { timeLimitSeconds: 0.3 });
        addComplementarySuppressions(heuristic.subject, heuristic.publication, solver);
        const heuristicPassed = auditPublication(heuristic.subject, heuristic.publication, solver).passed;
        if (!heuristicPassed) return;
        expect(auditPublication(chosen.subject, chosen.publication, solver).passed).toBe(true);
        expect(result.complementary).toBe(secondaryCells(chosen.publication).length);
        expect(result.complementary).toBeLessThanOrEqual(secondaryCells(heuristic.publication).length);
        if (result.lowerBound !== null && result.lowerBound !== undefined) expect(result.lowerBound).toBeLessThanOrEqual(result.complementary!);
      }),
      { numRuns: 3, seed: 42 },
    );
  }, 240_000);
});
