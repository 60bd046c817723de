import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueReminders, reminderDays, reminderKey } from '../../shared/destruction/notification-schedule';
import type { PendingDestruction } from '../../shared/register/destruction-deadline';
import { addDays } from '../../shared/register/dates';

const AS_OF = '2026-06-01';

function pending(holdingId: string, daysLeft: number | null): PendingDestruction {
  const deadline = daysLeft === null ? null : addDays(AS_OF, daysLeft);
  return {
    holding: { kind: 'holding', id: holdingId, label: `NIC_${holdingId} (DARS-NIC-00574-V2H1F v4.2)` },
    version: { kind: 'dsaVersion', id: 'v', label: 'DARS-NIC-00574-V2H1F v4.2' },
    rule: { kind: 'days-after-end', days: 30 },
    deadline,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    liveCopies: [{ kind: 'copy', id: `${holdingId}-c`, label: 'Primary copy' }],
  };
}

describe('destruction reminders', () => {
  it('reminds at 30, 7 and 1 days, with what to do and when', () => {
    expect(dueReminders([pending('a', 31)], new Set())).toEqual([]);
    expect(dueReminders([pending('a', 30)], new Set()).map((r) => r.daysBefore)).toEqual([30]);
    expect(dueReminders([pending('a', 7)], new Set()).map((r) => r.daysBefore)).toEqual([7]);
    const [one] = dueReminders([pending('a', 1)], new Set());
    expect(one).toMatchObject({ daysBefore: 1, title: 'Destruction due in 1 day', deadline: '2026-06-02' });
    expect(one!.body).toBe('NIC_a (DARS-NIC-00574-V2H1F v4.2): destroy every copy (1 live copy) in 1 day (2 June 2026), then record it in Custodian.');
    expect(dueReminders([pending('a', 0)], new Set())[0]?.title).toBe('Destruction due today');
  });

  it('shows one reminder, not a late 30-day one as well, when the app first runs 5 days before', () => {
    expect(dueReminders([pending('a', 5)], new Set()).map((r) => r.daysBefore)).toEqual([7]);
  });

  it('never repeats a reminder already shown, and leaves past and unknown deadlines to the findings', () => {
    const shown = new Set([reminderKey('a', addDays(AS_OF, 20), 30)]);
    expect(dueReminders([pending('a', 20)], shown)).toEqual([]);
    expect(dueReminders([pending('a', -1), pending('b', null)], new Set())).toEqual([]);
  });

  it('for any days left and any reminders already shown: at most one per holding, never one already shown, the smallest threshold not below the days left', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), days: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }) }), { maxLength: 8 }), fc.array(fc.constantFrom(...reminderDays)), (items, shownThresholds) => {
        const unique = [...new Map(items.map((i) => [i.id, i])).values()];
        const list = unique.map((i) => pending(i.id, i.days));
        const shown = new Set(list.flatMap((p) => (p.deadline ? shownThresholds.map((t) => reminderKey(p.holding.id, p.deadline!, t)) : [])));
        const due = dueReminders(list, shown);
        expect(new Set(due.map((d) => d.holdingId)).size).toBe(due.length);
        for (const reminder of due) {
          expect(shown.has(reminder.key)).toBe(false);
          const item = list.find((p) => p.holding.id === reminder.holdingId)!;
          expect(item.daysLeft).not.toBeNull();
          expect(item.daysLeft!).toBeGreaterThanOrEqual(0);
          expect(reminder.daysBefore).toBe(Math.min(...reminderDays.filter((t) => t >= item.daysLeft!)));
        }
        for (const p of list) {
          const inWindow = p.daysLeft !== null && p.daysLeft >= 0 && p.daysLeft <= 30;
          const threshold = inWindow ? Math.min(...reminderDays.filter((t) => t >= p.daysLeft!)) : null;
          const expected = threshold !== null && !shown.has(reminderKey(p.holding.id, p.deadline!, threshold));
          expect(due.some((d) => d.holdingId === p.holding.id)).toBe(expected);
        }
      }),
    );
  });
});
