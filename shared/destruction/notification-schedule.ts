import type { PendingDestruction } from '../register/destruction-deadline';
import { formatDate, plural } from '../register/format-date';

/** How many days before a destruction deadline the OS reminds the user. */
export const reminderDays = [30, 7, 1] as const;

export interface DueReminder {
  /** Stable for one holding, one deadline and one threshold: shown once, never again. */
  key: string;
  holdingId: string;
  deadline: string;
  daysBefore: number;
  title: string;
  body: string;
}

export const reminderKey = (holdingId: string, deadline: string, daysBefore: number): string => `${holdingId}|${deadline}|${daysBefore}`;

/**
 * The reminders to show now. For each pending holding whose deadline is 0 to 30 days away, the
 * reminder is the smallest threshold (30, 7, 1) not below the days left: an app first opened 5
 * days before a deadline shows the 7-day reminder only, not a late 30-day one as well. A reminder
 * already shown (its key in `shown`) is not repeated; a deadline that moves gets fresh reminders,
 * because the deadline is part of the key. Past deadlines are left to the findings (DESTRUCTION_OVERDUE).
 */
export function dueReminders(pending: readonly PendingDestruction[], shown: ReadonlySet<string>, thresholds: readonly number[] = reminderDays): DueReminder[] {
  const ascending = [...thresholds].sort((a, b) => a - b);
  const due: DueReminder[] = [];
  for (const item of pending) {
    if (item.deadline === null || item.daysLeft === null || item.daysLeft < 0) continue;
    const threshold = ascending.find((t) => item.daysLeft! <= t);
    if (threshold === undefined) continue;
    const key = reminderKey(item.holding.id, item.deadline, threshold);
    if (shown.has(key)) continue;
    const when = item.daysLeft === 0 ? 'today' : `in ${plural(item.daysLeft, 'day')} (${formatDate(item.deadline)})`;
    due.push({
      key,
      holdingId: item.holding.id,
      deadline: item.deadline,
      daysBefore: threshold,
      title: `Destruction due ${item.daysLeft === 0 ? 'today' : `in ${plural(item.daysLeft, 'day')}`}`,
      body: `${item.holding.label}: destroy every copy (${plural(item.liveCopies.length, 'live copy', 'live copies')}) ${when}, then record it in Custodian.`,
    });
  }
  return due;
}
