import { describe, expect, it } from 'vitest';
import { compliantRegister } from '../../helpers/compliant-register';
import { codesOf, subjectIds, theFinding, withCode } from './finding-helpers';

describe('ASSURANCE_EXPIRED', () => {
  it('fires when a party’s DSPT assessment has expired and it has nothing else current', () => {
    const register = compliantRegister().update('assurance', 'uni-dspt', { expiryDate: '2026-05-31' });
    const finding = theFinding(register, 'ASSURANCE_EXPIRED');
    expect(finding).toMatchObject({ severity: 'medium', dueDate: '2026-05-31', id: 'ASSURANCE_EXPIRED:uni' });
    expect(finding.title).toBe('University of Exampleton: DSPT 2025/26 (Standards Met) expired on 31 May 2026');
    expect(subjectIds(finding)).toEqual(['uni', 'uni-dspt', 'v4.2']);
    expect(codesOf(register)).toEqual(['ASSURANCE_EXPIRED']);
  });

  it('does not fire on the expiry day, nor when a newer assessment is recorded', () => {
    expect(codesOf(compliantRegister().update('assurance', 'uni-dspt', { expiryDate: '2026-06-01' }))).toEqual([]);
    const renewed = compliantRegister()
      .update('assurance', 'uni-dspt', { expiryDate: '2026-05-31' })
      .assurance('uni-dspt-next', 'uni', { kind: 'DSPT', dsptYear: '2026/27', dsptStatus: 'Standards Exceeded', expiryDate: '2027-06-30' });
    expect(codesOf(renewed)).toEqual([]);
  });

  it('counts a status below Standards Met only with an agreed improvement plan, and Not Published never', () => {
    const withStatus = (dsptStatus: 'Standards Not Met' | 'Approaching Standards' | 'Not Published', improvementPlanAgreed: boolean) =>
      withCode(compliantRegister().update('assurance', 'uni-dspt', { dsptStatus, improvementPlanAgreed }), 'ASSURANCE_EXPIRED');
    expect(withStatus('Standards Not Met', false)[0]?.title).toBe(
      'University of Exampleton: DSPT 2025/26 (Standards Not Met) is below Standards Met and no improvement plan is agreed',
    );
    expect(withStatus('Standards Not Met', true)).toEqual([]);
    expect(withStatus('Approaching Standards', true)).toEqual([]);
    expect(withStatus('Not Published', true)).toHaveLength(1);
  });

  it('accepts a current ISO 27001 certificate in place of the DSPT, and fires when there is neither', () => {
    expect(codesOf(compliantRegister().archive('assurance', 'csu-dspt').assurance('csu-iso', 'csu', { kind: 'ISO27001', certificateNumber: 'FS 612345', expiryDate: '2027-01-01' }))).toEqual([]);
    const none = theFinding(compliantRegister().archive('assurance', 'aws-iso'), 'ASSURANCE_EXPIRED');
    expect(none.title).toBe('Amazon Web Services EMEA SARL (UK Branch): no DSPT assessment or ISO 27001 certificate is recorded');
    expect(none.dueDate).toBeNull();
  });

  it('does not count an assessment published after the as-of date', () => {
    const register = compliantRegister().update('assurance', 'uni-dspt', { publishedDate: '2026-06-20' });
    expect(theFinding(register, 'ASSURANCE_EXPIRED').title).toContain('is not published until 20 June 2026');
  });

  it('checks only parties of active versions', () => {
    const ended = compliantRegister().archive('assurance', 'aws-iso').update('dsaVersion', 'v4.2', { endDate: '2026-05-20' });
    expect(withCode(ended, 'ASSURANCE_EXPIRED')).toEqual([]);
  });
});

describe('DSPT_IMPROVEMENT_PLAN', () => {
  const planApproved = { dsptStatus: 'Not Met - Improvement Plan Approved' as const, improvementPlanDate: '2026-04-15' };

  it('fires, low, naming the plan’s date, when a party stands on "Not Met - Improvement Plan Approved"; ASSURANCE_EXPIRED stays quiet', () => {
    const register = compliantRegister().update('assurance', 'uni-dspt', planApproved);
    const finding = theFinding(register, 'DSPT_IMPROVEMENT_PLAN');
    expect(finding).toMatchObject({ severity: 'low', dueDate: '2027-06-30', id: 'DSPT_IMPROVEMENT_PLAN:uni' });
    expect(finding.title).toBe('University of Exampleton: DSPT 2025/26 is Not Met, with an improvement plan NHS England approved on 15 April 2026');
    expect(subjectIds(finding)).toEqual(['uni', 'uni-dspt', 'v4.2']);
    expect(codesOf(register)).toEqual(['DSPT_IMPROVEMENT_PLAN']);
  });

  it('is quiet at Standards Met, and for plain Standards Not Met, which is ASSURANCE_EXPIRED’s', () => {
    expect(codesOf(compliantRegister())).toEqual([]);
    expect(codesOf(compliantRegister().update('assurance', 'uni-dspt', { dsptStatus: 'Standards Not Met' }))).toEqual(['ASSURANCE_EXPIRED']);
  });

  it('is quiet once a newer assessment meets the standards, and when the assessment has expired (then ASSURANCE_EXPIRED fires)', () => {
    const renewed = compliantRegister()
      .update('assurance', 'uni-dspt', planApproved)
      .assurance('uni-dspt-next', 'uni', { kind: 'DSPT', dsptYear: '2026/27', dsptStatus: 'Standards Met', expiryDate: '2027-09-30' });
    expect(codesOf(renewed)).toEqual([]);
    const expired = compliantRegister().update('assurance', 'uni-dspt', { ...planApproved, expiryDate: '2026-05-31' });
    expect(codesOf(expired)).toEqual(['ASSURANCE_EXPIRED']);
  });

  it('the status needs the plan’s date', () => {
    expect(() => compliantRegister().update('assurance', 'uni-dspt', { dsptStatus: 'Not Met - Improvement Plan Approved' }).build()).toThrow(/improvementPlanDate/);
  });
});

describe('ICO_REGISTRATION_EXPIRED', () => {
  it('fires when a party’s ICO renewal date has passed', () => {
    const register = compliantRegister().update('organisation', 'aws', { icoRenewalDate: '2026-05-31' });
    const finding = theFinding(register, 'ICO_REGISTRATION_EXPIRED');
    expect(finding).toMatchObject({ severity: 'medium', dueDate: '2026-05-31' });
    expect(finding.title).toBe('The ICO registration of Amazon Web Services EMEA SARL (UK Branch) (ZB765432) was due for renewal on 31 May 2026');
    expect(codesOf(register)).toEqual(['ICO_REGISTRATION_EXPIRED']);
  });

  it('does not fire on the renewal day', () => {
    expect(codesOf(compliantRegister().update('organisation', 'aws', { icoRenewalDate: '2026-06-01' }))).toEqual([]);
  });

  it('fires for a party with no ICO number, and not for an organisation on no active agreement', () => {
    const register = compliantRegister().update('organisation', 'csu', { icoRegistrationNumber: null });
    expect(theFinding(register, 'ICO_REGISTRATION_EXPIRED').title).toBe('North of England Commissioning Support Unit has no ICO registration number recorded');
    expect(codesOf(compliantRegister().organisation('bystander', { legalName: 'Unrelated Analytics Ltd' }))).toEqual([]);
  });
});

describe('OBLIGATION_OVERDUE', () => {
  const dueOn = (dueDate: string) => compliantRegister().update('obligation', 'sc-outputs', { dueDate });

  it('fires for an open special condition past its due date', () => {
    const finding = theFinding(dueOn('2026-05-31'), 'OBLIGATION_OVERDUE');
    expect(finding).toMatchObject({ severity: 'medium', dueDate: '2026-05-31', id: 'OBLIGATION_OVERDUE:sc-outputs' });
    expect(finding.title).toBe('Special condition overdue since 31 May 2026: Outputs must be aggregated with small numbers suppressed in…');
    expect(subjectIds(finding)).toEqual(['sc-outputs', 'v4.2']);
    expect(codesOf(dueOn('2026-05-31'))).toEqual(['OBLIGATION_OVERDUE']);
  });

  it('does not fire on the due day, once met or waived, and fires for one in progress', () => {
    expect(codesOf(dueOn('2026-06-01'))).toEqual([]);
    expect(codesOf(dueOn('2026-05-31').update('obligation', 'sc-outputs', { status: 'met' }))).toEqual([]);
    expect(codesOf(dueOn('2026-05-31').update('obligation', 'sc-outputs', { status: 'waived' }))).toEqual([]);
    expect(codesOf(dueOn('2026-05-31').update('obligation', 'sc-outputs', { status: 'in-progress' }))).toEqual(['OBLIGATION_OVERDUE']);
  });

  it('rates other duties low', () => {
    const register = compliantRegister().obligation('misc', { kind: 'other', text: 'Update the data flow diagram', dueDate: '2026-05-01' });
    expect(theFinding(register, 'OBLIGATION_OVERDUE').severity).toBe('low');
  });
});
