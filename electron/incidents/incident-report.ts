import type { IncidentDetail } from '../../shared/incidents/incident-api';
import { notificationLabel, notificationThreads, type Incident, type IncidentNotification, type NotificationThread } from '../../shared/incidents/incident-records';
import { dpoContactLine, type IncidentSettings } from '../../shared/incidents/incident-settings';
import {
  actionKindLabels,
  actionStatusLabels,
  breachKindLabels,
  cyberKindLabels,
  dataCategoryLabels,
  icoDecisionLabels,
  incidentStatusLabels,
  incidentTypeLabels,
  individualsDecisionLabels,
  notificationChannelLabels,
  notificationRecipientLabels,
  peopleKindLabels,
  trainingAnswerLabels,
} from '../../shared/incidents/incident-vocabulary';
import { clockState, describeClock } from '../../shared/incidents/notification-clocks';
import { formatZoned, type ZonedTime } from '../../shared/incidents/zoned-time';
import { formatDate } from '../../shared/register/format-date';
import { ReportDocument } from '../reports/pdf';
import { linkTables } from './incident-rows';

/**
 * The incident report: what the ICO asks for under UK GDPR Art 33(3) first, in the order the
 * article lists it (nature, categories and numbers of people and records, the DPO's contact, likely
 * consequences, measures taken or proposed), so it can be read out on the phone or attached to an
 * email to DARS; then the assessment with both decisions and their reasons, the timeline, the
 * notifications and the actions. Times are shown on the clock of the zone they were recorded in.
 * It carries what the incident record says and the names of the register records involved, never
 * the data itself.
 */
export interface IncidentReportInput {
  detail: IncidentDetail;
  settings: IncidentSettings;
  organisationName: string;
  generatedAt: Date;
  author?: string;
}

const notRecorded = 'Not recorded';
const orNot = (text: string | null | undefined): string => (text && text.trim() !== '' ? text : notRecorded);
const count = (n: number | null): string => (n === null ? 'Not known' : `About ${n.toLocaleString('en-GB')}`);
const when = (time: ZonedTime | null): string => (time ? formatZoned(time) : notRecorded);

export function buildIncidentReport(input: IncidentReportInput): ReportDocument {
  const { detail, settings } = input;
  const { incident } = detail;
  const zone = incident.becameAwareAt.timeZone;
  const ico = detail.required.find((r) => r.recipient === 'ico');
  const report = new ReportDocument({
    title: `Incident report ${incident.reference}`,
    subtitle: incident.title,
    organisationName: input.organisationName,
    generatedAt: input.generatedAt,
    timeZone: zone,
    author: input.author ?? input.organisationName,
    subject: `Personal data breach report ${incident.reference} (UK GDPR Art 33)`,
    details: [
      ['Status', incidentStatusLabels[incident.status]],
      ['Became aware', formatZoned(incident.becameAwareAt)],
      ['ICO deadline', ico?.deadline ? `${formatZoned({ at: ico.deadline, timeZone: zone })} (72 hours after becoming aware)` : 'Not required: decision not to notify the ICO'],
      ['Assessment', incident.assessment?.outcome ?? 'Not yet assessed'],
    ],
  });

  report.heading('Summary for the ICO (UK GDPR Art 33(3))');
  report.keyValues(
    [
      ['Report', reportKind(incident)],
      ['ICO case reference', incident.icoCaseReference ?? 'Not yet given by the ICO'],
      ['(a) Nature of the breach', `${incidentTypeLabels[incident.type]}. ${incident.breachKinds.map((k) => breachKindLabels[k]).join('; ') || 'Kind of breach not recorded.'}`],
      ['What happened', incident.description],
      ['How it was discovered', orNot(incident.howDiscovered)],
      ['Cyber incident', incident.cyber ? `Yes${incident.cyber.kind ? `: ${cyberKindLabels[incident.cyber.kind]}` : ''}` : 'No'],
      ['Categories of people', incident.peopleKinds.map((k) => peopleKindLabels[k]).join(', ') || notRecorded],
      ['Approximate number of people', count(incident.approximatePeople)],
      ['Categories of data', categoriesText(incident)],
      ['Approximate number of records', count(incident.approximateRecords)],
      ['(b) Data protection officer', dpoContactLine(settings.dpo) ?? 'Not set: add the DPO\u2019s contact details in Incidents \u2192 Settings'],
      ['(c) Likely consequences', orNot(incident.likelyConsequences)],
      ['(d) Measures taken', orNot(incident.measuresTaken)],
      ['(d) Measures proposed', orNot(incident.measuresProposed)],
      ['Measures in place before', orNot(incident.measuresBefore)],
      ['Other organisations told', orNot(incident.otherOrganisationsTold)],
    ],
    { labelWidth: 0.3 },
  );

  report.heading('When');
  report.keyValues([
    ['Occurred', when(incident.occurredAt)],
    ['Discovered', when(incident.discoveredAt)],
    ['Became aware', formatZoned(incident.becameAwareAt)],
    ['Reported by', orNot(incident.reportedBy)],
  ], { labelWidth: 0.3 });

  report.heading('Staff involved', 2);
  report.table({
    columns: [
      { header: 'Role', width: 3, value: (s: Incident['staffInvolved'][number]) => s.role },
      { header: 'Data protection training', width: 2, value: (s) => trainingAnswerLabels[s.trainedInLastTwoYears] },
    ],
    rows: incident.staffInvolved,
    emptyText: 'No staff recorded as involved.',
  });

  if (incident.cyber) {
    report.heading('Cyber incident', 2);
    report.keyValues([
      ['Kind', incident.cyber.kind ? cyberKindLabels[incident.cyber.kind] : notRecorded],
      ['Details', orNot(incident.cyber.details)],
      ['Reported to the NCSC', incident.cyber.reportedToNcsc],
    ], { labelWidth: 0.3 });
  }

  report.heading('Data involved (from the register)', 2);
  const linked = linkTables.flatMap((link) => incident.links[link.field].map((id) => ({ kind: link.noun, name: detail.labels[id] ?? id })));
  report.table({
    columns: [
      { header: 'Record', width: 1, value: (r: { kind: string; name: string }) => capitalise(r.kind) },
      { header: 'Name', width: 4, value: (r) => r.name },
    ],
    rows: linked,
    emptyText: 'No register records linked.',
  });

  assessmentSection(report, incident, settings);
  timelineSection(report, incident);
  notificationsSection(report, detail, input.generatedAt);
  actionsSection(report, incident);

  report.heading('Closure');
  report.keyValues([
    ['Status', incidentStatusLabels[incident.status]],
    ['Contained', incident.containedAt ? formatZoned({ at: incident.containedAt, timeZone: zone }) : 'Not yet'],
    ['Closed', incident.closedAt ? formatZoned({ at: incident.closedAt, timeZone: zone }) : 'Not yet'],
    ['Lessons learned', orNot(incident.lessonsLearned)],
  ], { labelWidth: 0.3 });
  if (detail.outstanding.length > 0) {
    report.heading('Outstanding before closure', 2);
    for (const item of detail.outstanding) report.paragraph(`\u2022 ${item}`);
  }
  return report;
}

/**
 * The ICO's form asks first whether this is the initial report or a follow-up. The report always
 * prints the incident as it stands now, so once the ICO has the initial report it is a follow-up.
 */
function reportKind(incident: Incident): string {
  const thread = notificationThreads(incident.notifications).find((t) => t.recipient === 'ico');
  const initial = thread?.notifications.find((n) => n.kind === 'initial');
  if (!thread || !initial) return 'Initial report (not yet sent to the ICO)';
  const followUps = thread.notifications.length - 1;
  const latest = thread.notifications.at(-1)!;
  const since = followUps === 0 ? 'no follow-ups since' : `${followUps} follow-up${followUps === 1 ? '' : 's'} since, the latest ${formatZoned(latest.sentAt)}`;
  return `Follow-up report: the initial report went to the ICO ${formatZoned(initial.sentAt)}${initial.reference ? ` (reference ${initial.reference})` : ''}; ${since}`;
}

function categoriesText(incident: Incident): string {
  if (incident.dataCategories.length === 0) return notRecorded;
  const health = incident.dataCategories.includes('health') ? 'HEALTH DATA INVOLVED. ' : '';
  return health + incident.dataCategories.map((c) => dataCategoryLabels[c]).join(', ');
}

function assessmentSection(report: ReportDocument, incident: Incident, settings: IncidentSettings): void {
  report.heading('Assessment (DSPT breach assessment grid)');
  const a = incident.assessment;
  if (!a) {
    report.paragraph('The incident has not yet been assessed on the grid.', { italic: true });
    return;
  }
  report.keyValues(
    [
      ['Likelihood', `${a.likelihood}: ${a.likelihoodLabel}`],
      ['Severity', `${a.severity}: ${a.severityLabel}`],
      ['Outcome on the grid', a.outcome],
      ['Assessed', `${formatZoned({ at: a.assessedAt, timeZone: incident.becameAwareAt.timeZone })} by ${a.assessedBy}`],
      ['Decision on the ICO', a.icoDecision ? icoDecisionLabels[a.icoDecision] : 'Not yet decided'],
      ['Reason', orNot(a.icoDecisionReason)],
      ['Decision on individuals', a.individualsDecision ? individualsDecisionLabels[a.individualsDecision] : 'Not yet decided'],
      ['Reason', orNot(a.individualsDecisionReason)],
    ],
    { labelWidth: 0.3 },
  );
  report.paragraph(`Grid: ${settings.grid.source}. ${settings.grid.checkNote}`, { muted: true, italic: true });
}

interface TimelineEvent {
  at: string;
  text: string;
}

function timelineSection(report: ReportDocument, incident: Incident): void {
  const zone = incident.becameAwareAt.timeZone;
  const events: TimelineEvent[] = [];
  if (incident.occurredAt) events.push({ at: incident.occurredAt.at, text: 'Incident occurred' });
  if (incident.discoveredAt) events.push({ at: incident.discoveredAt.at, text: 'Incident discovered' });
  events.push({ at: incident.becameAwareAt.at, text: 'Organisation became aware (the ICO\u2019s 72 hours start)' });
  if (incident.assessment) events.push({ at: incident.assessment.assessedAt, text: `Assessed: ${incident.assessment.outcome}` });
  for (const n of incident.notifications) {
    const who = `${notificationRecipientLabels[n.recipient]}${n.recipientDetail ? `, ${n.recipientDetail}` : ''}`;
    events.push({ at: n.sentAt.at, text: `${n.kind === 'follow-up' ? 'Follow-up to' : 'Notified'} ${who} (${notificationChannelLabels[n.channel]}${n.reference ? `, reference ${n.reference}` : ''})` });
    if (n.acknowledgedAt) events.push({ at: n.acknowledgedAt.at, text: `${notificationRecipientLabels[n.recipient]} acknowledged${n.acknowledgementReference ? ` (reference ${n.acknowledgementReference})` : ''}` });
  }
  if (incident.containedAt) events.push({ at: incident.containedAt, text: 'Marked contained' });
  if (incident.closedAt) events.push({ at: incident.closedAt, text: 'Closed' });
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  report.heading('Timeline');
  report.table({
    columns: [
      { header: 'When', width: 2, value: (e: TimelineEvent) => formatZoned({ at: e.at, timeZone: zone }) },
      { header: 'What', width: 5, value: (e) => e.text },
    ],
    rows: events,
  });
}

function notificationsSection(report: ReportDocument, detail: IncidentDetail, now: Date): void {
  const { incident } = detail;
  const zone = incident.becameAwareAt.timeZone;
  report.heading('Notifications');
  for (const required of detail.required) {
    report.paragraph(`\u2022 ${describeClock(required, clockState(required, now), zone)}. ${required.why}`);
  }
  const threads = notificationThreads(incident.notifications);
  if (threads.length === 0) {
    report.paragraph('No notifications logged yet.', { italic: true });
    return;
  }
  // One thread per recipient, oldest first: the initial report and each follow-up, so the history
  // of what each recipient was told is read in order beside the latest state printed above.
  for (const thread of threads) {
    const who = notificationRecipientLabels[thread.recipient] + (thread.recipient === 'other' && thread.recipientDetail ? `: ${thread.recipientDetail}` : '');
    report.table({
      caption: `Thread with ${who}`,
      columns: [
        { header: 'Report', width: 1.4, value: (n: IncidentNotification) => notificationLabel(thread, n) },
        { header: 'Sent', width: 2, value: (n) => formatZoned(n.sentAt) },
        { header: 'Channel', width: 1.5, value: (n) => notificationChannelLabels[n.channel] },
        { header: 'Their reference', width: 1.6, value: (n) => n.reference },
        { header: 'Acknowledged', width: 2.2, value: (n) => (n.acknowledgedAt ? `${formatZoned(n.acknowledgedAt)}${n.acknowledgementReference ? ` (${n.acknowledgementReference})` : ''}` : 'Not yet') },
        { header: 'What it said or changed', width: 2.6, value: (n) => [n.note, n.lateReason ? `Late because: ${n.lateReason}` : null].filter(Boolean).join(' ') },
      ],
      rows: thread.notifications,
    });
    latestLine(report, thread);
  }
}

function latestLine(report: ReportDocument, thread: NotificationThread): void {
  const latest = thread.notifications.at(-1)!;
  report.paragraph(`Latest: ${notificationLabel(thread, latest)}, sent ${formatZoned(latest.sentAt)}${latest.reference ? `, their reference ${latest.reference}` : ''}.`, { muted: true });
}

function actionsSection(report: ReportDocument, incident: Incident): void {
  report.heading('Containment and remediation actions');
  report.table({
    columns: [
      { header: 'Kind', width: 1.2, value: (a: Incident['actions'][number]) => actionKindLabels[a.kind] },
      { header: 'Action', width: 4, value: (a) => a.description },
      { header: 'Owner', width: 1.8, value: (a) => a.owner },
      { header: 'Due', width: 1.4, value: (a) => (a.dueDate ? formatDate(a.dueDate) : '') },
      { header: 'Status', width: 1.2, value: (a) => actionStatusLabels[a.status] + (a.completedDate ? ` ${formatDate(a.completedDate)}` : '') },
    ],
    rows: incident.actions,
    emptyText: 'No actions recorded.',
  });
}

const capitalise = (text: string): string => (/^[a-z]/.test(text) ? text[0]!.toUpperCase() + text.slice(1) : text);
