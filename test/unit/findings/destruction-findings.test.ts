import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../../shared/findings';
import { compliantRegister, SCENARIO_AS_OF } from '../../helpers/compliant-register';
import { codesOf, subjectIds, theFinding, withCode } from './finding-helpers';

const asOf = SCENARIO_AS_OF;
const allCopies = ['c-2023-tre', 'c-2023-vault', 'c-2024-aws', 'c-2024-tre', 'c-2024-vault'];

/** The scenario with its agreement (v4.2, 30 days to destroy) ended on `end`. */
const endedOn = (end: string) => compliantRegister().update('dsaVersion', 'v4.2', { endDate: end });

describe('DSA_EXPIRED_DATA_HELD', () => {
  it('fires when the agreement has ended and copies remain before the deadline, with the deadline as due date', () => {
    const register = endedOn('2026-05-20');
    const finding = theFinding(register, 'DSA_EXPIRED_DATA_HELD');
    expect(finding).toMatchObject({ severity: 'medium', dueDate: '2026-06-19' });
    expect(finding.title).toBe('DARS-NIC-00574-V2H1F v4.2 ended on 20 May 2026 and 5 copies of 2 holdings are still held');
    expect(finding.action).toBe('Destroy every copy, backups included, by 19 June 2026 and record each destruction.');
    expect(subjectIds(finding)).toEqual(['v4.2', 'hes-2023', 'hes-2024']);
    expect(codesOf(register)).toEqual(['DSA_EXPIRED_DATA_HELD']);
  });

  it('does not fire while the agreement runs, nor once every copy is destroyed and certified', () => {
    expect(withCode(compliantRegister(), 'DSA_EXPIRED_DATA_HELD')).toEqual([]);
    const destroyed = endedOn('2026-05-20');
    for (const copy of allCopies) destroyed.update('copy', copy, { destroyedDate: '2026-05-28' });
    destroyed.certificate('cod-1', 'v4.2', ['hes-2023', 'hes-2024'], { issuedDate: '2026-05-29' });
    expect(codesOf(destroyed)).toEqual([]);
  });

  it('holds on the deadline day and gives way to DESTRUCTION_OVERDUE the day after', () => {
    const register = endedOn('2026-05-02'); // deadline 1 June 2026 = SCENARIO_AS_OF
    expect(codesOf(register, asOf)).toEqual(['DSA_EXPIRED_DATA_HELD']);
    expect(codesOf(register, '2026-06-02')).toEqual(['DESTRUCTION_OVERDUE', 'DESTRUCTION_OVERDUE']);
  });

  it('counts a copy destroyed after the as-of date as still live on that date', () => {
    const register = endedOn('2026-05-20');
    for (const copy of allCopies) register.update('copy', copy, { destroyedDate: '2026-06-10' });
    expect(withCode(register, 'DSA_EXPIRED_DATA_HELD')).toHaveLength(1);
    expect(withCode(register, 'DSA_EXPIRED_DATA_HELD', '2026-06-10')).toEqual([]);
  });
});

describe('DESTRUCTION_OVERDUE', () => {
  it('fires per holding once its deadline has passed, naming the copies left', () => {
    const register = endedOn('2026-04-01'); // deadline 1 May 2026
    const findings = withCode(register, 'DESTRUCTION_OVERDUE');
    expect(findings.map((f) => [f.id, f.severity, f.dueDate])).toEqual([
      ['DESTRUCTION_OVERDUE:hes-2023', 'high', '2026-05-01'],
      ['DESTRUCTION_OVERDUE:hes-2024', 'high', '2026-05-01'],
    ]);
    expect(findings[0]!.title).toBe('NIC00574_HES_APC_2023 (DARS-NIC-00574-V2H1F v4.1) was due for destruction on 1 May 2026 and 2 copies remain');
    expect(findings[0]!.subjects.map((s) => s.label)).toEqual([
      'NIC00574_HES_APC_2023 (DARS-NIC-00574-V2H1F v4.1)',
      'Primary copy of NIC00574_HES_APC_2023 at Exampleton Secure Data Environment',
      'Backup copy of NIC00574_HES_APC_2023 at CSU Leeds backup vault',
    ]);
  });

  it('names only the backup left behind when the primary was destroyed', () => {
    const register = endedOn('2026-04-01').update('copy', 'c-2023-tre', { destroyedDate: '2026-04-20' });
    const finding = withCode(register, 'DESTRUCTION_OVERDUE').find((f) => f.id === 'DESTRUCTION_OVERDUE:hes-2023')!;
    expect(subjectIds(finding)).toEqual(['hes-2023', 'c-2023-vault']);
    expect(finding.title).toContain('and 1 copy remain');
  });

  it('leaves out a copy kept under a recorded dated exception until the day after its end date', () => {
    const register = endedOn('2026-04-01').update('copy', 'c-2023-tre', { destroyedDate: '2026-04-20' }).build();
    // The backup vault's tapes age out on 30 June: recorded as "destroyed with exceptions".
    const facts = { retainedUntil: new Map([['c-2023-vault', '2026-06-30']]) };
    const overdue = (date: string) => computeFindings(register, date, facts).filter((f) => f.code === 'DESTRUCTION_OVERDUE').map((f) => f.id);
    expect(overdue(asOf)).toEqual(['DESTRUCTION_OVERDUE:hes-2024']);
    expect(overdue('2026-06-30')).toEqual(['DESTRUCTION_OVERDUE:hes-2024']);
    expect(overdue('2026-07-01')).toEqual(['DESTRUCTION_OVERDUE:hes-2023', 'DESTRUCTION_OVERDUE:hes-2024']);
    // Without the exception on record, the backup is overdue like any other copy.
    expect(computeFindings(register, asOf).filter((f) => f.code === 'DESTRUCTION_OVERDUE').map((f) => f.id)).toEqual(['DESTRUCTION_OVERDUE:hes-2023', 'DESTRUCTION_OVERDUE:hes-2024']);
  });

  it('names only the copies not covered by an exception', () => {
    const register = endedOn('2026-04-01').build();
    const finding = computeFindings(register, asOf, { retainedUntil: new Map([['c-2023-vault', '2026-06-30']]) }).find((f) => f.id === 'DESTRUCTION_OVERDUE:hes-2023')!;
    expect(subjectIds(finding)).toEqual(['hes-2023', 'c-2023-tre']);
    expect(finding.title).toContain('and 1 copy remain');
  });

  it('does not fire for a holding whose copies are all destroyed, or archived', () => {
    const register = endedOn('2026-04-01');
    for (const copy of ['c-2023-tre', 'c-2023-vault']) register.update('copy', copy, { destroyedDate: '2026-04-20' });
    register.archive('copy', 'c-2024-aws').archive('copy', 'c-2024-tre').archive('copy', 'c-2024-vault');
    expect(withCode(register, 'DESTRUCTION_OVERDUE')).toEqual([]);
  });

  it('follows a fixed-date rule', () => {
    const register = compliantRegister().update('dsaVersion', 'v4.2', { destructionRule: { kind: 'fixed-date', date: '2026-05-31' } });
    expect(withCode(register, 'DESTRUCTION_OVERDUE').map((f) => f.dueDate)).toEqual(['2026-05-31', '2026-05-31']);
    expect(withCode(register, 'DESTRUCTION_OVERDUE', '2026-05-31')).toEqual([]);
  });

  it('follows a rolling rule: the 2023/24 extract is overdue six weeks after 2024/25 arrived, the newest is not', () => {
    const register = compliantRegister().update('dsaVersion', 'v4.2', { destructionRule: { kind: 'rolling', weeks: 6 } });
    // 2024/25 was received on 12 June 2025; six weeks later is 24 July 2025.
    expect(withCode(register, 'DESTRUCTION_OVERDUE').map((f) => [f.id, f.dueDate])).toEqual([['DESTRUCTION_OVERDUE:hes-2023', '2025-07-24']]);
    expect(withCode(register, 'DESTRUCTION_OVERDUE', '2025-07-24')).toEqual([]);
  });
});

describe('CERTIFICATE_MISSING', () => {
  const destroy2023 = () =>
    compliantRegister().update('copy', 'c-2023-tre', { destroyedDate: '2026-05-02' }).update('copy', 'c-2023-vault', { destroyedDate: '2026-05-09' });

  it('fires when every copy of a holding is destroyed and no certificate covers it', () => {
    const finding = theFinding(destroy2023(), 'CERTIFICATE_MISSING');
    expect(finding).toMatchObject({ severity: 'medium', dueDate: '2026-05-09', id: 'CERTIFICATE_MISSING:hes-2023' });
    expect(finding.title).toBe(
      'Every copy of NIC00574_HES_APC_2023 (DARS-NIC-00574-V2H1F v4.1) is destroyed but no certificate of destruction covers it',
    );
    expect(codesOf(destroy2023())).toEqual(['CERTIFICATE_MISSING']);
  });

  it('does not fire once a certificate covers the holding, but does when that certificate is archived', () => {
    const certified = destroy2023().certificate('cod-1', 'v4.1', ['hes-2023'], { issuedDate: '2026-05-10' });
    expect(codesOf(certified)).toEqual([]);
    expect(codesOf(certified.archive('certificate', 'cod-1'))).toEqual(['CERTIFICATE_MISSING']);
  });

  it('does not fire while one copy (the backup) is still live, nor for a holding with no copies recorded', () => {
    const partly = compliantRegister().update('copy', 'c-2023-tre', { destroyedDate: '2026-05-02' });
    expect(withCode(partly, 'CERTIFICATE_MISSING')).toEqual([]);
    const bare = compliantRegister().holding('hes-extra', 'v4.2', 'hes-4.2', { receivedDate: '2026-01-10' });
    expect(withCode(bare, 'CERTIFICATE_MISSING')).toEqual([]);
  });
});
