import type { ExportValue } from '../../shared/exports/spreadsheet-safety';
import type { Incident } from '../../shared/incidents/incident-records';
import type { IncidentSettings } from '../../shared/incidents/incident-settings';
import {
  breachKindLabels,
  dataCategoryLabels,
  icoDecisionLabels,
  incidentStatusLabels,
  incidentTypeLabels,
  individualsDecisionLabels,
  outstandingActionStatuses,
  peopleKindLabels,
  type NotificationRecipient,
} from '../../shared/incidents/incident-vocabulary';
import { clockState, formatDuration, requiredNotifications } from '../../shared/incidents/notification-clocks';
import { formatZoned, type ZonedTime } from '../../shared/incidents/zoned-time';
import type { TableSheet } from '../exports/table-file';

/**
 * The breach log UK GDPR Art 33(5) requires: every incident, notified or not, with the facts, its
 * effects and the remedial action, and the reasons for each decision, so the ICO can check
 * compliance. One row per incident, oldest first, as a register is read. Values only (the writer
 * neutralises text that would start a formula); counts and scores stay numbers.
 */
interface Column {
  header: string;
  width?: number;
  value: (incident: Incident, context: RowContext) => ExportValue;
}

interface RowContext {
  settings: Pick<IncidentSettings, 'darsTargetHours'>;
  now: Date;
}

const time = (t: ZonedTime | null): string | null => (t ? formatZoned(t) : null);
const instantIn = (incident: Incident, at: string | null): string | null => (at ? formatZoned({ at, timeZone: incident.becameAwareAt.timeZone }) : null);
/** The initial notification to a recipient (the one its clock stopped at). */
const firstTo = (incident: Incident, recipient: NotificationRecipient) =>
  incident.notifications.filter((n) => n.recipient === recipient).sort((a, b) => Number(b.kind === 'initial') - Number(a.kind === 'initial') || Date.parse(a.sentAt.at) - Date.parse(b.sentAt.at))[0] ?? null;
/** "2 (latest 3 April 2026, 09:00 BST, IC-12345)": the follow-ups sent to a recipient. */
function followUps(incident: Incident, recipient: NotificationRecipient): string | null {
  const sent = incident.notifications.filter((n) => n.recipient === recipient && n.kind === 'follow-up');
  const latest = sent.at(-1);
  return latest ? `${sent.length} (latest ${formatZoned(latest.sentAt)}${latest.reference ? `, ${latest.reference}` : ''})` : null;
}

/** "On time", "5 hours late", "OVERDUE by 2 days", "Not required", "Running: 31 hours left". */
function clockText(incident: Incident, context: RowContext, recipient: 'ico' | 'dars'): string {
  const required = requiredNotifications(incident, context.settings).find((r) => r.recipient === recipient);
  if (!required) return 'Not required';
  const state = clockState(required, context.now);
  switch (state.kind) {
    case 'sent-on-time':
      return 'On time';
    case 'sent-late':
      return `${formatDuration(state.msLate)} late`;
    case 'running':
      return incident.status === 'closed' ? 'Not notified' : `Running: ${formatDuration(state.msLeft)} left`;
    case 'overdue':
      return `OVERDUE by ${formatDuration(state.msOver)}`;
    default:
      return state.sent ? 'Notified' : 'Not notified';
  }
}

const columns: readonly Column[] = [
  { header: 'Reference', width: 14, value: (i) => i.reference },
  { header: 'Title', width: 40, value: (i) => i.title },
  { header: 'Type', width: 28, value: (i) => incidentTypeLabels[i.type] },
  { header: 'Status', value: (i) => incidentStatusLabels[i.status] },
  { header: 'Occurred', width: 24, value: (i) => time(i.occurredAt) },
  { header: 'Discovered', width: 24, value: (i) => time(i.discoveredAt) },
  { header: 'Became aware', width: 24, value: (i) => time(i.becameAwareAt) },
  { header: 'Time zone', width: 16, value: (i) => i.becameAwareAt.timeZone },
  { header: 'What happened', width: 60, value: (i) => i.description },
  { header: 'How discovered', width: 40, value: (i) => i.howDiscovered },
  { header: 'Kind of breach', width: 30, value: (i) => i.breachKinds.map((k) => breachKindLabels[k]).join('; ') },
  { header: 'Health data', value: (i) => i.dataCategories.includes('health') },
  { header: 'Categories of data', width: 40, value: (i) => i.dataCategories.map((c) => dataCategoryLabels[c]).join('; ') },
  { header: 'Approximate people', value: (i) => i.approximatePeople },
  { header: 'Approximate records', value: (i) => i.approximateRecords },
  { header: 'Kinds of people', width: 24, value: (i) => i.peopleKinds.map((k) => peopleKindLabels[k]).join('; ') },
  { header: 'Likelihood (1-5)', value: (i) => i.assessment?.likelihood ?? null },
  { header: 'Severity (1-5)', value: (i) => i.assessment?.severity ?? null },
  { header: 'Grid outcome', width: 28, value: (i) => i.assessment?.outcome ?? 'Not assessed' },
  { header: 'ICO decision', width: 22, value: (i) => (i.assessment?.icoDecision ? icoDecisionLabels[i.assessment.icoDecision] : 'Not decided') },
  { header: 'Reason for the ICO decision', width: 50, value: (i) => i.assessment?.icoDecisionReason ?? null },
  { header: 'ICO notified', width: 24, value: (i) => time(firstTo(i, 'ico')?.sentAt ?? null) },
  { header: 'ICO reference', value: (i) => firstTo(i, 'ico')?.reference ?? null },
  { header: 'ICO case reference', value: (i) => i.icoCaseReference },
  { header: 'ICO follow-ups', width: 30, value: (i) => followUps(i, 'ico') },
  { header: 'ICO clock', width: 24, value: (i, c) => clockText(i, c, 'ico') },
  { header: 'Reason ICO notification was late', width: 40, value: (i) => firstTo(i, 'ico')?.lateReason ?? null },
  { header: 'DARS notified', width: 24, value: (i) => time(firstTo(i, 'dars')?.sentAt ?? null) },
  { header: 'DARS acknowledged', width: 24, value: (i) => time(firstTo(i, 'dars')?.acknowledgedAt ?? null) },
  { header: 'DARS acknowledgement reference', value: (i) => firstTo(i, 'dars')?.acknowledgementReference ?? null },
  { header: 'DARS clock', width: 24, value: (i, c) => clockText(i, c, 'dars') },
  { header: 'DARS follow-ups', width: 30, value: (i) => followUps(i, 'dars') },
  { header: 'DHSC notified', width: 24, value: (i) => time(firstTo(i, 'dhsc')?.sentAt ?? null) },
  { header: 'DHSC follow-ups', width: 30, value: (i) => followUps(i, 'dhsc') },
  { header: 'Individuals decision', width: 26, value: (i) => (i.assessment?.individualsDecision ? individualsDecisionLabels[i.assessment.individualsDecision] : 'Not decided') },
  { header: 'Reason for the individuals decision', width: 50, value: (i) => i.assessment?.individualsDecisionReason ?? null },
  { header: 'Individuals told', width: 24, value: (i) => time(firstTo(i, 'individuals')?.sentAt ?? null) },
  { header: 'Likely consequences', width: 50, value: (i) => i.likelyConsequences },
  { header: 'Measures taken', width: 50, value: (i) => i.measuresTaken },
  { header: 'Measures proposed', width: 50, value: (i) => i.measuresProposed },
  { header: 'Actions still open', value: (i) => i.actions.filter((a) => outstandingActionStatuses.includes(a.status)).length },
  { header: 'Contained', width: 24, value: (i) => instantIn(i, i.containedAt) },
  { header: 'Closed', width: 24, value: (i) => instantIn(i, i.closedAt) },
  { header: 'Lessons learned', width: 50, value: (i) => i.lessonsLearned },
  { header: 'Opened from finding', width: 30, value: (i) => i.findingId },
];

export const breachLogHeaders = columns.map((c) => c.header);

export function breachLogSheet(incidents: readonly Incident[], settings: Pick<IncidentSettings, 'darsTargetHours'>, now: Date): TableSheet {
  const context = { settings, now };
  const oldestFirst = [...incidents].sort((a, b) => Date.parse(a.becameAwareAt.at) - Date.parse(b.becameAwareAt.at) || a.reference.localeCompare(b.reference));
  return {
    name: 'Breach log',
    columns: columns.map(({ header, width }) => ({ header, ...(width ? { width } : {}) })),
    rows: oldestFirst.map((incident) => columns.map((c) => c.value(incident, context))),
  };
}
