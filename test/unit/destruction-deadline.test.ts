import { describe, expect, it } from 'vitest';
import { destructionDeadline, pendingDestructions } from '../../shared/register/destruction-deadline';
import { compliantRegister, SCENARIO_AS_OF } from '../helpers/compliant-register';
import type { RegisterBuilder } from '../helpers/register-builder';

const deadlineOf = (builder: RegisterBuilder, holding: string) => destructionDeadline(builder.get('holding', holding), builder.build());

describe('destructionDeadline', () => {
  it('days after end: N days after the end of the last agreed version, so a renewal carries v4.1 data forward', () => {
    const register = compliantRegister(); // v4.2 ends 31 March 2028, 30 days to destroy
    expect(deadlineOf(register, 'hes-2024')).toBe('2028-04-30');
    expect(deadlineOf(register, 'hes-2023')).toBe('2028-04-30'); // received under v4.1, held under v4.2
    register.update('dsaVersion', 'v4.2', { destructionRule: { kind: 'days-after-end', days: 0 } });
    expect(deadlineOf(register, 'hes-2024')).toBe('2028-03-31');
  });

  it('days after end: without an agreed renewal the holding’s own version decides', () => {
    const unrenewed = compliantRegister().update('dsaVersion', 'v4.2', { predecessorVersionId: null });
    expect(deadlineOf(unrenewed, 'hes-2023')).toBe('2025-04-30'); // v4.1 ended 31 March 2025, default 30 days
    const draft = compliantRegister().update('dsaVersion', 'v4.2', { status: 'draft' });
    expect(deadlineOf(draft, 'hes-2023')).toBe('2025-04-30');
  });

  it('fixed date: that date, whatever the end date', () => {
    const register = compliantRegister().update('dsaVersion', 'v4.2', { destructionRule: { kind: 'fixed-date', date: '2027-01-31' } });
    expect(deadlineOf(register, 'hes-2023')).toBe('2027-01-31');
    expect(deadlineOf(register, 'hes-2024')).toBe('2027-01-31');
  });

  describe('rolling: N weeks after the next data year of the same dataset arrives', () => {
    const rolling = () => compliantRegister().update('dsaVersion', 'v4.2', { destructionRule: { kind: 'rolling', weeks: 6 } });

    it('counts the next year received under another version of the same agreement', () => {
      // 2023/24 came under v4.1; 2024/25 arrived under v4.2 on 12 June 2025: six weeks later.
      expect(deadlineOf(rolling(), 'hes-2023')).toBe('2025-07-24');
    });

    it('has no deadline until the next year arrives', () => {
      expect(deadlineOf(rolling(), 'hes-2024')).toBeNull();
      const next = rolling().holding('hes-2025', 'v4.2', 'hes-4.2', { receivedDate: '2026-06-15', dataYear: '2025/26' });
      expect(deadlineOf(next, 'hes-2024')).toBe('2026-07-27');
    });

    it('follows the holding’s agreement, even when its dataset record was later moved to another agreement’s version', () => {
      // The dataset form lets a user move a dataset to another version; the holdings stay where they were received.
      const moved = rolling()
        .dsa('other', 'DARS-NIC-12345-ZZ9ZZ')
        .version('other-v1', { dsa: 'other', start: '2025-01-01', end: '2027-12-31', controllers: ['uni'] })
        .update('dataset', 'hes-4.2', { versionId: 'other-v1' });
      expect(deadlineOf(moved, 'hes-2023')).toBe('2025-07-24');
    });

    it('takes the earliest arrival of any later year, so a skipped year still starts the clock', () => {

      const register = rolling()
        .holding('hes-2026', 'v4.2', 'hes-4.2', { receivedDate: '2025-05-01', dataYear: '2026/27' })
        .holding('hes-2025', 'v4.2', 'hes-4.2', { receivedDate: '2025-09-01', dataYear: '2025/26' });
      expect(deadlineOf(register, 'hes-2023')).toBe('2025-06-12'); // 2026/27 arrived 1 May 2025, before 2024/25
      expect(deadlineOf(register, 'hes-2024')).toBe('2025-06-12');
    });

    it('ignores other datasets, other agreements and archived extracts', () => {
      const register = rolling()
        .dataset('ecds-4.2', 'v4.2', 'Emergency Care Data Set')
        .holding('ecds-2025', 'v4.2', 'ecds-4.2', { receivedDate: '2026-01-10', dataYear: '2025/26' })
        .dsa('other', 'DARS-NIC-12345-ZZ9ZZ')
        .version('other-v1', { dsa: 'other', start: '2025-01-01', end: '2027-12-31', controllers: ['uni'] })
        .dataset('other-hes', 'other-v1', 'Hospital Episode Statistics Admitted Patient Care')
        .holding('other-2025', 'other-v1', 'other-hes', { receivedDate: '2026-02-01', dataYear: '2025/26' })
        .holding('late-2025', 'v4.2', 'hes-4.2', { receivedDate: '2026-03-01', dataYear: '2025/26', archived: true });
      expect(deadlineOf(register, 'hes-2024')).toBeNull();
    });

    it('gives no deadline to an extract with no data year', () => {
      expect(deadlineOf(rolling().update('holding', 'hes-2023', { dataYear: null }), 'hes-2023')).toBeNull();
    });
  });
});

describe('pendingDestructions', () => {
  it('lists holdings with live copies, soonest deadline first, with days left and the copies', () => {
    const register = compliantRegister()
      .update('dsaVersion', 'v4.2', { destructionRule: { kind: 'rolling', weeks: 6 } })
      .update('copy', 'c-2023-tre', { destroyedDate: '2025-07-01' });
    const pending = pendingDestructions(register.build(), SCENARIO_AS_OF);
    expect(pending.map((p) => [p.holding.id, p.deadline, p.daysLeft, p.overdue])).toEqual([
      ['hes-2023', '2025-07-24', -312, true],
      ['hes-2024', null, null, false],
    ]);
    expect(pending[0]!.liveCopies.map((c) => c.label)).toEqual(['Backup copy of NIC00574_HES_APC_2023 at CSU Leeds backup vault']);
    expect(pending[0]!.version).toEqual({ kind: 'dsaVersion', id: 'v4.2', label: 'DARS-NIC-00574-V2H1F v4.2' });
    expect(pending[0]!.rule).toEqual({ kind: 'rolling', weeks: 6 });
  });

  it('leaves out holdings whose copies are all destroyed', () => {
    const register = compliantRegister();
    for (const copy of ['c-2023-tre', 'c-2023-vault']) register.update('copy', copy, { destroyedDate: '2026-05-01' });
    expect(pendingDestructions(register.build(), SCENARIO_AS_OF).map((p) => p.holding.id)).toEqual(['hes-2024']);
  });
});
