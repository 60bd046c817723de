import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/register/dates';
import { compliantRegister, SCENARIO_AS_OF } from '../../helpers/compliant-register';
import { codesOf, subjectIds, theFinding, withCode } from './finding-helpers';

const asOf = SCENARIO_AS_OF;

describe('the compliant scenario', () => {
  it('has no findings, so every test below shows one change making one finding appear', () => {
    expect(codesOf(compliantRegister())).toEqual([]);
  });
});

describe('DSA_EXPIRING', () => {
  const endingIn = (days: number) => compliantRegister().update('dsaVersion', 'v4.2', { endDate: addDays(asOf, days) });

  it('fires for a version ending within 90 days with no renewal, naming it, and says what to do', () => {
    const finding = theFinding(endingIn(75), 'DSA_EXPIRING');
    expect(finding).toMatchObject({ severity: 'medium', dueDate: '2026-08-15', id: 'DSA_EXPIRING:v4.2' });
    expect(finding.title).toContain('DARS-NIC-00574-V2H1F v4.2 ends on 15 August 2026 (in 75 days)');
    expect(finding.subjects).toEqual([{ kind: 'dsaVersion', id: 'v4.2', label: 'DARS-NIC-00574-V2H1F v4.2' }]);
    expect(finding.action).toMatch(/renew/);
    expect(codesOf(endingIn(75))).toEqual(['DSA_EXPIRING']);
  });

  it('does not fire when the renewal is recorded, but a draft renewal is not yet one', () => {
    const renewed = endingIn(75).version('v4.3', { dsa: 'hip', version: '4.3', start: addDays(asOf, 76), end: '2029-08-15', controllers: ['uni'], renews: 'v4.2' });
    expect(withCode(renewed, 'DSA_EXPIRING')).toEqual([]);
    const drafted = endingIn(75).version('v4.3', { dsa: 'hip', version: '4.3', status: 'draft', start: addDays(asOf, 76), end: '2029-08-15', controllers: ['uni'], renews: 'v4.2' });
    expect(withCode(drafted, 'DSA_EXPIRING')).toHaveLength(1);
  });

  it('is medium up to 90 days ahead, high from 30 days, and absent at 91 days or once ended', () => {
    const severityAt = (days: number) => withCode(endingIn(days), 'DSA_EXPIRING').map((f) => f.severity);
    expect(severityAt(91)).toEqual([]);
    expect(severityAt(90)).toEqual(['medium']);
    expect(severityAt(31)).toEqual(['medium']);
    expect(severityAt(30)).toEqual(['high']);
    expect(severityAt(0)).toEqual(['high']);
    expect(theFinding(endingIn(0), 'DSA_EXPIRING').title).toContain('ends today');
    const ended = compliantRegister().update('dsaVersion', 'v4.2', { endDate: addDays(asOf, -1) });
    expect(withCode(ended, 'DSA_EXPIRING')).toEqual([]);
  });

  it('ignores a version that is no longer active (terminated) and an archived one', () => {
    expect(withCode(endingIn(10).update('dsaVersion', 'v4.2', { status: 'terminated' }), 'DSA_EXPIRING')).toEqual([]);
    expect(withCode(endingIn(10).archive('dsaVersion', 'v4.2'), 'DSA_EXPIRING')).toEqual([]);
  });
});

describe('DSA_VERSION_GAP', () => {
  const startingOn = (start: string) => compliantRegister().update('dsaVersion', 'v4.2', { startDate: start });

  it('fires when the renewal starts more than a day after the old version ends, naming the gap', () => {
    const finding = theFinding(startingOn('2025-04-03'), 'DSA_VERSION_GAP');
    expect(finding.title).toBe(
      'No agreement in force from 1 April 2025 to 2 April 2025, between DARS-NIC-00574-V2H1F v4.1 and DARS-NIC-00574-V2H1F v4.2',
    );
    expect(subjectIds(finding)).toEqual(['v4.1', 'v4.2']);
    expect(finding.severity).toBe('low'); // the gap is in the past
    expect(codesOf(startingOn('2025-04-03'))).toEqual(['DSA_VERSION_GAP']);
  });

  it('does not fire for a renewal starting the day after, and fires for a one-day gap', () => {
    expect(withCode(startingOn('2025-04-01'), 'DSA_VERSION_GAP')).toEqual([]);
    expect(withCode(startingOn('2025-03-15'), 'DSA_VERSION_GAP')).toEqual([]); // overlap is not a gap
    expect(theFinding(startingOn('2025-04-02'), 'DSA_VERSION_GAP').title).toContain('from 1 April 2025 to 1 April 2025');
  });

  it('is high while today is inside the gap and medium while the gap is ahead', () => {
    const gap = startingOn('2025-04-10');
    expect(theFinding(gap, 'DSA_VERSION_GAP', '2025-04-05').severity).toBe('high');
    expect(theFinding(gap, 'DSA_VERSION_GAP', '2025-04-09').severity).toBe('high');
    expect(theFinding(gap, 'DSA_VERSION_GAP', '2025-03-31').severity).toBe('medium');
    expect(theFinding(gap, 'DSA_VERSION_GAP', '2025-04-10').severity).toBe('low');
  });
});

describe('DSFC_MISSING', () => {
  it('fires when the controller of an active version has no DSFC recorded', () => {
    const register = compliantRegister().archive('dsfc', 'uni-dsfc');
    const finding = theFinding(register, 'DSFC_MISSING');
    expect(finding).toMatchObject({ severity: 'high', id: 'DSFC_MISSING:organisation:uni' });
    expect(finding.title).toBe('University of Exampleton is a controller on DARS-NIC-00574-V2H1F v4.2 but no DSFC binding it is recorded');
    expect(codesOf(register)).toEqual(['DSFC_MISSING']);
  });

  it('does not fire once the version has ended, and fires for a signed version yet to start', () => {
    const ended = compliantRegister().archive('dsfc', 'uni-dsfc').update('dsaVersion', 'v4.2', { endDate: '2026-05-01' });
    expect(withCode(ended, 'DSFC_MISSING')).toEqual([]);
    const upcoming = compliantRegister().archive('dsfc', 'uni-dsfc').update('dsaVersion', 'v4.2', { startDate: '2026-07-01', endDate: '2029-06-30' });
    expect(withCode(upcoming, 'DSFC_MISSING')).toHaveLength(1);
  });

  it('fires for a joint controller without its own DSFC, and only for that one', () => {
    const register = compliantRegister()
      .organisation('trust', { legalName: 'Exampleton Teaching Hospitals NHS Foundation Trust', icoRegistrationNumber: 'Z7654321', icoRenewalDate: '2027-02-01' })
      .update('dsaVersion', 'v4.2', {
        parties: [
          { organisationId: 'uni', role: 'controller', controllerType: 'joint' },
          { organisationId: 'trust', role: 'controller', controllerType: 'joint' },
        ],
      });
    expect(subjectIds(theFinding(register, 'DSFC_MISSING'))).toEqual(['trust', 'v4.2']);
    const bound = register.dsfc('trust-dsfc', { reference: 'CON-700001-AB12C', controller: 'trust' });
    expect(withCode(bound, 'DSFC_MISSING')).toEqual([]);
  });

  it('fires when the version names a DSFC that binds a predecessor after a merger, and not once the new one is named', () => {
    const merged = compliantRegister()
      .organisation('ccg', { legalName: 'NHS Exampleton CCG' })
      .organisation('icb', { legalName: 'NHS Exampleton Integrated Care Board', predecessorId: 'ccg' })
      .dsfc('ccg-dsfc', { reference: 'CON-512345-CCG01', controller: 'ccg' })
      .update('dsaVersion', 'v4.2', { parties: [{ organisationId: 'icb', role: 'controller', controllerType: 'sole' }], dsfcId: 'ccg-dsfc' });
    const findings = withCode(merged, 'DSFC_MISSING');
    expect(findings.map((f) => f.id).sort()).toEqual(['DSFC_MISSING:organisation:icb', 'DSFC_MISSING:version:v4.2']);
    const mismatch = findings.find((f) => f.id === 'DSFC_MISSING:version:v4.2')!;
    expect(mismatch.title).toBe(
      'DARS-NIC-00574-V2H1F v4.2 is signed under CON-512345-CCG01, which binds NHS Exampleton CCG, the predecessor of its controller NHS Exampleton Integrated Care Board',
    );
    const fixed = merged.dsfc('icb-dsfc', { reference: 'CON-622999-ICB01', controller: 'icb' }).update('dsaVersion', 'v4.2', { dsfcId: 'icb-dsfc' });
    expect(withCode(fixed, 'DSFC_MISSING')).toEqual([]);
  });
});

describe('TERM_EXCEEDS_MAXIMUM', () => {
  // v4.2 starts on 1 April 2025: three years run to 31 March 2028.
  const endingOn = (endDate: string, flags: Record<string, boolean> = {}) => compliantRegister().update('dsaVersion', 'v4.2', { endDate, ...flags });

  it('fires for a version longer than three years, naming it, the excess and the limit, and is quiet at exactly three', () => {
    const finding = theFinding(endingOn('2028-04-01'), 'TERM_EXCEEDS_MAXIMUM');
    expect(finding).toMatchObject({ severity: 'medium', id: 'TERM_EXCEEDS_MAXIMUM:v4.2', dueDate: null });
    expect(finding.title).toContain('DARS-NIC-00574-V2H1F v4.2 runs from 1 April 2025 to 1 April 2028, 1 day longer than the 3 years');
    expect(finding.action).toContain('31 March 2028');
    expect(withCode(endingOn('2028-03-31'), 'TERM_EXCEEDS_MAXIMUM')).toEqual([]);
  });

  it('allows one year when commercial or sub-licensed, and five for archiving for academic research', () => {
    expect(theFinding(endingOn('2026-04-01', { commercial: true }), 'TERM_EXCEEDS_MAXIMUM').title).toContain('than the 1 year NHS England allows for commercial purposes');
    expect(withCode(endingOn('2026-03-31', { sublicensing: true }), 'TERM_EXCEEDS_MAXIMUM')).toEqual([]);
    expect(withCode(endingOn('2026-04-01', { sublicensing: true }), 'TERM_EXCEEDS_MAXIMUM')).toHaveLength(1);
    expect(withCode(endingOn('2030-03-31', { archivingForResearch: true }), 'TERM_EXCEEDS_MAXIMUM')).toEqual([]);
    expect(withCode(endingOn('2030-04-01', { archivingForResearch: true }), 'TERM_EXCEEDS_MAXIMUM')).toHaveLength(1);
  });

  it('ignores a draft', () => {
    expect(withCode(endingOn('2029-01-01').update('dsaVersion', 'v4.2', { status: 'draft' }), 'TERM_EXCEEDS_MAXIMUM')).toEqual([]);
  });
});
