import type { RegisterConnection } from '../db/register-connection';
import { dueReminders, type DueReminder } from '../../shared/destruction/notification-schedule';
import { pendingDestructionsIn } from '../../shared/register/destruction-deadline';
import { localIsoDate } from '../../shared/register/local-date';
import { prepared } from '../db/statement-cache';
import { cachedRegister } from '../register/register-cache';
import { findingsFacts } from './findings-facts';


/**
 * The OS reminders due now (30, 7 and 1 days before a destruction deadline), leaving out those
 * already shown: the register remembers each one shown in `destruction_notices`, so a reminder is
 * shown once even across restarts. The Electron side (electron/main/notifications.ts) shows them
 * and calls `markRemindersShown`.
 */
export function remindersDue(db: RegisterConnection, now: Date): DueReminder[] {
  const shown = new Set(prepared(db, 'SELECT key FROM destruction_notices').pluck(true).all() as string[]);
  const today = localIsoDate(now);
  return dueReminders(pendingDestructionsIn(cachedRegister(db).index, today, findingsFacts(db, today).retainedUntil), shown);
}

export function markRemindersShown(db: RegisterConnection, reminders: readonly DueReminder[], now: Date): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO destruction_notices (key, holding_id, deadline, days_before, shown_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of reminders) insert.run(r.key, r.holdingId, r.deadline, r.daysBefore, now.toISOString());
  })();
}
