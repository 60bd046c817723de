import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../../shared/findings';
import { agreementRecordIds } from '../../../shared/findings/agreement-records';
import { scopeFindingToAgreement } from '../../../shared/findings/scope-finding';
import { indexRegister } from '../../../shared/register/register-index';
import { buildHoldingsReport } from '../../../shared/reports/holdings-report-model';
import { compliantRegister, SCENARIO_AS_OF } from '../../helpers/compliant-register';

/**
 * A finding told for one agreement names none of another's records, even when a rule's title does:
 * here a version of another DSA is recorded as renewing this one's v4.2 (a data-entry slip), with a
 * gap, so DSA_VERSION_GAP's title names both versions.
 */
describe('a finding told for one agreement', () => {
  const register = compliantRegister()
    .dsa('other', 'DARS-NIC-31337-Q7Z9K')
    .version('o-v1', { dsa: 'other', version: '1', start: '2028-06-01', end: '2029-05-31', renews: 'v4.2' })
    .build();
  const findings = computeFindings(register, SCENARIO_AS_OF);
  const gap = findings.find((f) => f.code === 'DSA_VERSION_GAP')!;

  it('keeps this agreement’s records and the shared ones, and words the rest as another agreement', () => {
    expect(gap.title).toContain('DARS-NIC-31337-Q7Z9K v1');
    const own = agreementRecordIds(indexRegister(register), 'hip');
    const told = scopeFindingToAgreement(gap, own);
    expect(told.title).toBe('No agreement in force from 1 April 2028 to 31 May 2028, between DARS-NIC-00574-V2H1F v4.2 and another agreement');
    expect(told.subjects.map((s) => s.id)).toEqual(['v4.2']);
    expect(told.id).toBe(gap.id);
  });

  it('is what the agreement’s report prints', () => {
    const report = buildHoldingsReport(register, findings, SCENARIO_AS_OF, 'DARS-NIC-00574-V2H1F')!;
    expect(JSON.stringify(report)).not.toContain('31337');
  });

  it('leaves the other agreement unnamed even once its version is in force and holds this one’s data', () => {
    const later = '2028-07-01';
    const report = buildHoldingsReport(register, computeFindings(register, later), later, 'DARS-NIC-00574-V2H1F')!;
    const copies = report.versions.flatMap((v) => v.holdings.flatMap((h) => h.copies));
    expect(copies.map((c) => c.heldUnder)).toContain('a version of another agreement');
    expect(JSON.stringify(report)).not.toContain('31337');
  });
});
