import { compareFindings } from '../findings';
import type { IsoDate } from '../register/dates';
import type { Finding, IncidentFindingCode } from '../register/findings';
import type { Incident } from './incident-records';
import type { IncidentSettings } from './incident-settings';
import { notificationRecipientPhrases, type NotificationRecipient } from './incident-vocabulary';
import { clockState, formatDuration, requiredNotifications } from './notification-clocks';
import { formatZoned, localDateIn } from './zoned-time';

/**
 * The incident findings that join the register's: for each incident not yet closed, each required
 * notification with a deadline that has not been logged is
 * - INCIDENT_NOTIFICATION_DUE while its clock runs: high when 24 hours or less are left (someone must
 *   act today), medium before that;
 * - INCIDENT_NOTIFICATION_OVERDUE once the deadline has passed: high, and the late notification
 *   will need its reason recorded.
 * A finding's due date is the deadline's calendar date on the clock of the zone the organisation
 * became aware in. Pure: the same incidents, settings and moment give the same findings.
 */
const URGENT_MS = 24 * 3_600_000;

const whatToDo: Record<NotificationRecipient, string> = {
  ico: 'Report it to the ICO through the DSPT incident reporting tool, or record the decision not to notify with its reason, then log the notification here.',
  dars: 'Tell NHS England\u2019s DARS team now (email or phone) and log the notification and their acknowledgement here.',
  dhsc: 'Report it through the DSPT incident reporting tool, which notifies DHSC, and log the notification here.',
  individuals: 'Tell the individuals affected and log it here.',
  other: 'Send the notification and log it here.',
};

export function computeIncidentFindings(
  incidents: readonly Incident[],
  settings: Pick<IncidentSettings, 'darsTargetHours'>,
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  for (const incident of incidents) {
    if (incident.status === 'closed') continue;
    const zone = incident.becameAwareAt.timeZone;
    const subject = { kind: 'incident', id: incident.id, label: `${incident.reference} ${incident.title}` };
    for (const required of requiredNotifications(incident, settings)) {
      if (required.deadline === null) continue;
      const state = clockState(required, now);
      if (state.kind !== 'running' && state.kind !== 'overdue') continue;
      const who = notificationRecipientPhrases[required.recipient];
      const due = formatZoned({ at: required.deadline, timeZone: zone });
      const overdue = state.kind === 'overdue';
      const code: IncidentFindingCode = overdue ? 'INCIDENT_NOTIFICATION_OVERDUE' : 'INCIDENT_NOTIFICATION_DUE';
      findings.push({
        // The same id scheme as the register's findings (code and the ids that make it distinct).
        id: [code, incident.id, required.recipient].join(':'),
        code,
        severity: overdue || state.msLeft <= URGENT_MS ? 'high' : 'medium',
        title: overdue
          ? `${incident.reference}: the notification to ${who} was due ${due} and is ${formatDuration(state.msOver)} overdue`
          : `${incident.reference}: notify ${who} by ${due} (${formatDuration(state.msLeft)} left)`,
        action: overdue ? `${whatToDo[required.recipient]} Record why it was late.` : whatToDo[required.recipient],
        subjects: [subject],
        dueDate: localDateIn(required.deadline, zone),
      });
    }
  }
  return findings;
}

/**
 * The moment a findings request for the date `asOf` judges incident clocks at: now, when `asOf` is
 * today on the user's clock; otherwise the last millisecond of that day on the user's clock, so
 * "findings as of 30 March" shows what was due or overdue by the end of 30 March.
 */
export function clockMomentFor(asOf: IsoDate, now: Date): Date {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (today.getFullYear() === y && today.getMonth() === m - 1 && today.getDate() === d) return now;
  return new Date(new Date(y, m - 1, d + 1).getTime() - 1);
}

/** The register's findings and the incident findings as one list, in the register's order. */
export function mergeFindings(register: readonly Finding[], incidents: readonly Finding[]): Finding[] {
  return [...register, ...incidents].sort(compareFindings);
}
