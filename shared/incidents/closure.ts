import { formatDate } from '../register/format-date';
import type { Incident } from './incident-records';
import type { IncidentSettings } from './incident-settings';
import { notificationRecipientPhrases, outstandingActionStatuses } from './incident-vocabulary';
import { clockState, formatDuration, requiredNotifications } from './notification-clocks';
import { formatZoned } from './zoned-time';

/**
 * What still keeps an incident from closing, one sentence each, in the order a person would deal
 * with them: the two decisions, the notifications that are required but not logged, late
 * notifications without a reason, and the actions still open. Closing is refused while the list is
 * not empty, and the refusal shows the list.
 */
export function outstandingForClosure(incident: Incident, settings: Pick<IncidentSettings, 'darsTargetHours'>): string[] {
  const outstanding: string[] = [];
  const assessment = incident.assessment;
  if (!assessment) outstanding.push('The assessment on the DSPT grid has not been recorded.');
  if (!assessment?.icoDecision) outstanding.push('The decision whether to notify the ICO, with its reason, has not been recorded.');
  if (!assessment?.individualsDecision) outstanding.push('The decision whether to tell the individuals affected, with its reason, has not been recorded.');

  const zone = incident.becameAwareAt.timeZone;
  for (const required of requiredNotifications(incident, settings)) {
    const who = notificationRecipientPhrases[required.recipient];
    if (!required.sent) {
      const due = required.deadline ? ` (due ${formatZoned({ at: required.deadline, timeZone: zone })})` : '';
      outstanding.push(`The notification to ${who}${due} has not been recorded.`);
      continue;
    }
    const state = clockState(required, new Date(0));
    if (state.kind === 'sent-late' && !required.sent.lateReason) {
      outstanding.push(`The notification to ${who} was sent ${formatDuration(state.msLate)} after its deadline: record why it was late.`);
    }
  }

  for (const action of incident.actions) {
    if (!outstandingActionStatuses.includes(action.status)) continue;
    const due = action.dueDate ? `, due ${formatDate(action.dueDate)}` : '';
    outstanding.push(`The ${action.kind} action "${shorten(action.description)}" (owner ${action.owner}${due}) is still ${action.status === 'open' ? 'open' : 'in progress'}.`);
  }
  return outstanding;
}

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}\u2026`;
}
