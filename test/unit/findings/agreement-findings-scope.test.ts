import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../../shared/findings';
import { agreementRecordIds } from '../../../shared/findings/agreement-records';
import { selectFindings } from '../../../shared/findings/findings-query';
import { severities } from '../../../shared/register/findings';
import { indexRegister } from '../../../shared/register/register-index';
import { buildHoldingsReport } from '../../../shared/reports/holdings-report-model';
import { asOfArbitrary, registerArbitrary } from '../../helpers/register-arbitrary';

/**
 * For every register: an agreement's audit report lists exactly the findings its screen lists
 * (`findings.list` with `dsaId`), counts them the same, and nothing in the report (findings, their
 * subjects, holdings, copies) names another agreement or any of its records.
 */
describe("one agreement's findings, on its screen and in its report", () => {
  it('are the same findings, counted the same, and name no other agreement', () => {
    fc.assert(
      fc.property(registerArbitrary, asOfArbitrary, (register, asOf) => {
        const findings = computeFindings(register, asOf);
        const index = indexRegister(register);
        for (const dsa of index.dsas.values()) {
          const ownIds = agreementRecordIds(index, dsa.id);
          const screen = selectFindings(findings, { dsaId: dsa.id }, ownIds).findings;
          const report = buildHoldingsReport(register, findings, asOf, dsa.nicReference)!;
          const reported = new Map(report.versions.flatMap((v) => v.findings).map((f) => [f.id, f]));
          expect([...reported.keys()].sort()).toEqual(screen.map((f) => f.id).sort());
          for (const s of severities) expect(report.findingCounts[s]).toBe(screen.filter((f) => f.severity === s).length);

          const others = [...index.dsas.values()].filter((d) => d.id !== dsa.id);
          const otherIds = new Set(others.flatMap((d) => [...agreementRecordIds(index, d.id)]));
          const text = JSON.stringify(report);
          for (const other of others) expect(text).not.toContain(other.nicReference);
          for (const finding of reported.values()) for (const subject of finding.subjects) expect(otherIds.has(subject.id)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
