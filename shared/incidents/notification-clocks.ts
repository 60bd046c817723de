import { addHours, formatZoned, instantMs, type ZonedTime } from './zoned-time';
import type { Incident, IncidentNotification } from './incident-records';
import { ICO_DEADLINE_HOURS, type IncidentSettings } from './incident-settings';
import { notificationRecipientLabels, type NotificationRecipient } from './incident-vocabulary';

/**
 * Who must be told about an incident, by when, and where each clock stands.
 *
 * - NHS England's DARS team, always: the Data Sharing Agreement says "as soon as possible"; the
 *   clock runs to the organisation's target (Settings, 24 hours by default) from becoming aware.
 * - The ICO, within 72 hours of becoming aware (UK GDPR Art 33(1)), unless a decision not to notify
 *   has been recorded with its reason. Until a decision is recorded the clock runs, because the law
 *   presumes notification.
 * - DHSC, when the assessment's grid cell says so; the DSPT tool reports to both at once, so it has
 *   the ICO's 72 hours.
 * - The individuals affected, when the decision is to tell them (Art 34: "without undue delay",
 *   so no fixed clock, but the incident cannot close until it is done).
 *
 * Deadlines are absolute: became-aware instant + N hours, whatever the wall clocks did in between.
 */
export interface RequiredNotification {
  recipient: NotificationRecipient;
  /** UTC instant, or null where the law sets no fixed time. */
  deadline: string | null;
  /** Why it is required, in a sentence. */
  why: string;
  /** The initial notification logged to this recipient (follow-ups do not move its clock), if any. */
  sent: IncidentNotification | null;
}

type ClockedIncident = Pick<Incident, 'becameAwareAt' | 'assessment' | 'notifications'>;

export function requiredNotifications(incident: ClockedIncident, settings: Pick<IncidentSettings, 'darsTargetHours'>): RequiredNotification[] {
  const aware = incident.becameAwareAt.at;
  const first = (recipient: NotificationRecipient) => firstSent(incident.notifications, recipient);
  const required: RequiredNotification[] = [
    {
      recipient: 'dars',
      deadline: addHours(aware, settings.darsTargetHours),
      why: `NHS England (DARS) must be told as soon as possible; the target is ${settings.darsTargetHours} hours from becoming aware (Settings).`,
      sent: first('dars'),
    },
  ];
  const assessment = incident.assessment;
  if (assessment?.icoDecision !== 'do-not-notify') {
    required.push({
      recipient: 'ico',
      deadline: addHours(aware, ICO_DEADLINE_HOURS),
      why:
        assessment?.icoDecision === 'notify'
          ? 'The decision is to notify the ICO, within 72 hours of becoming aware (UK GDPR Art 33).'
          : 'The ICO must be notified within 72 hours of becoming aware unless a decision not to notify, with its reason, is recorded.',
      sent: first('ico'),
    });
  }
  if (assessment?.dhscReportable) {
    required.push({
      recipient: 'dhsc',
      deadline: addHours(aware, ICO_DEADLINE_HOURS),
      why: 'The assessment grid makes this incident reportable to DHSC.',
      sent: first('dhsc'),
    });
  }
  if (assessment?.individualsDecision === 'tell') {
    required.push({
      recipient: 'individuals',
      deadline: null,
      why: 'The decision is to tell the individuals affected, without undue delay (UK GDPR Art 34).',
      sent: first('individuals'),
    });
  }
  return required;
}

function firstSent(notifications: readonly IncidentNotification[], recipient: NotificationRecipient): IncidentNotification | null {
  let earliest: IncidentNotification | null = null;
  for (const n of notifications) {
    if (n.recipient !== recipient) continue;
    // The initial report stops the clock; the earliest stands in for registers with none marked.
    if (n.kind === 'initial') return n;
    if (!earliest || instantMs(n.sentAt.at) < instantMs(earliest.sentAt.at)) earliest = n;
  }
  return earliest;
}

export type ClockState =
  | { kind: 'running'; msLeft: number }
  | { kind: 'overdue'; msOver: number }
  | { kind: 'sent-on-time' }
  | { kind: 'sent-late'; msLate: number }
  | { kind: 'no-deadline'; sent: boolean };

/** Where one required notification's clock stands at `now`. */
export function clockState(required: RequiredNotification, now: Date): ClockState {
  if (required.deadline === null) return { kind: 'no-deadline', sent: required.sent !== null };
  const deadline = instantMs(required.deadline);
  if (required.sent) {
    const late = instantMs(required.sent.sentAt.at) - deadline;
    return late > 0 ? { kind: 'sent-late', msLate: late } : { kind: 'sent-on-time' };
  }
  const left = deadline - now.getTime();
  return left > 0 ? { kind: 'running', msLeft: left } : { kind: 'overdue', msOver: now.getTime() - deadline };
}

/** How late a notification sent at `sentAt` to `recipient` would be, in ms (0 or less: on time; null: no deadline). */
export function latenessOf(incident: ClockedIncident, settings: Pick<IncidentSettings, 'darsTargetHours'>, recipient: NotificationRecipient, sentAt: string): number | null {
  const deadline = deadlineFor(incident, settings, recipient);
  return deadline === null ? null : instantMs(sentAt) - instantMs(deadline);
}

/** The deadline a recipient has for this incident, whether or not it is currently required. */
export function deadlineFor(incident: ClockedIncident, settings: Pick<IncidentSettings, 'darsTargetHours'>, recipient: NotificationRecipient): string | null {
  const aware = incident.becameAwareAt.at;
  if (recipient === 'dars') return addHours(aware, settings.darsTargetHours);
  if (recipient === 'ico' || recipient === 'dhsc') return addHours(aware, ICO_DEADLINE_HOURS);
  return null;
}

/** "3 days 4 hours", "5 hours 12 minutes", "40 minutes": a duration as people say it, to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return minutes > 0 ? unit(mins, 'minute') : 'less than a minute';
}

/** One line for a clock, words not colour: "ICO: 31 hours 20 minutes left (due 30 March 2026, 11:00 BST)". */
export function describeClock(required: RequiredNotification, state: ClockState, zone: ZonedTime['timeZone']): string {
  const who = notificationRecipientLabels[required.recipient];
  const due = required.deadline ? formatZoned({ at: required.deadline, timeZone: zone }) : null;
  switch (state.kind) {
    case 'running':
      return `${who}: ${formatDuration(state.msLeft)} left (due ${due})`;
    case 'overdue':
      return `${who}: OVERDUE by ${formatDuration(state.msOver)} (was due ${due})`;
    case 'sent-on-time':
      return `${who}: notified on time`;
    case 'sent-late':
      return `${who}: notified ${formatDuration(state.msLate)} late`;
    case 'no-deadline':
      return `${who}: ${state.sent ? 'notified' : 'to be notified without undue delay'}`;
  }
}
