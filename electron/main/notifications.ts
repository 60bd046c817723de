import { Notification } from 'electron';
import type { ServiceContext } from '../ipc/context';
import { markRemindersShown, remindersDue } from '../destruction/reminders';

/** How often a running app looks for reminders that have become due (deadlines move by the day). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * OS notifications for destruction deadlines 30, 7 and 1 days away, while the app runs. Which
 * reminders are due, and which were already shown, is decided in electron/destruction/reminders.ts;
 * this file only shows them. Returns a function that stops the checks.
 */
export function startDestructionReminders(context: ServiceContext, onClick: () => void): () => void {
  const check = () => {
    if (!Notification.isSupported()) return;
    try {
      const due = remindersDue(context.db, context.now());
      for (const reminder of due) {
        const notification = new Notification({ title: reminder.title, body: reminder.body });
        notification.on('click', onClick);
        notification.show();
      }
      if (due.length) markRemindersShown(context.db, due, context.now());
    } catch {
      // A reminder is a courtesy: a failure here must never stop the app. The findings still show every deadline.
    }
  };
  const first = setTimeout(check, 5_000);
  const timer = setInterval(check, CHECK_EVERY_MS);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
