import { describe, expect, it } from 'vitest';
import { markRemindersShown, remindersDue } from '../../electron/destruction/reminders';
import { recordDestruction } from '../../electron/destruction/record-destruction';
import { openDatabase } from '../../electron/db/open-database';
import { actorAt, destructionOf, openScenario } from '../helpers/destruction-scenario';
import { useTempDir } from '../helpers/temp-dir';

describe('destruction reminders from the register', () => {
  const temp = useTempDir('custodian-reminders-');

  it('shows each reminder once, across restarts, and stops once every copy is destroyed', async () => {
    // v4.2 ends 31 March 2028: destruction due 30 April 2028, so 1 April is 29 days before.
    const s = openScenario(temp.dir, undefined, actorAt('2028-04-01T09:00:00Z'));
    const due = remindersDue(s.db, new Date('2028-04-01T09:00:00Z'));
    expect(due.map((r) => [r.holdingId, r.daysBefore])).toEqual([
      ['hes-2023', 30],
      ['hes-2024', 30],
    ]);
    markRemindersShown(s.db, due, new Date('2028-04-01T09:00:00Z'));
    s.db.close();

    const reopened = openDatabase(temp.path('register.sqlite'), { create: false }).db;
    expect(remindersDue(reopened, new Date('2028-04-10T09:00:00Z'))).toEqual([]);
    expect(remindersDue(reopened, new Date('2028-04-23T09:00:00Z')).map((r) => r.daysBefore)).toEqual([7, 7]);
    for (const copy of ['c-2024-aws', 'c-2024-tre', 'c-2024-vault'])
      await recordDestruction(reopened, actorAt('2028-04-23T09:00:00Z'), temp.path('data'), destructionOf(copy, { performedAt: '2028-04-22T10:00:00Z' }));
    expect(remindersDue(reopened, new Date('2028-04-23T09:00:00Z')).map((r) => r.holdingId)).toEqual(['hes-2023']);
    reopened.close();
  });
});
