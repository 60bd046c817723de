import type { RegisterConnection } from '../db/register-connection';
import type { Assessment, Incident, IncidentAction, IncidentFields, IncidentLinks, IncidentNotification } from '../../shared/incidents/incident-records';
import type { ZonedTime } from '../../shared/incidents/zoned-time';
import { prepared } from '../db/statement-cache';

/**
 * Moves incidents between their object form (shared/incidents/incident-records.ts) and the tables
 * of migration 004. Reading all incidents is one query per table, never one per incident, so the
 * list, the findings and the breach log stay quick however many incidents there are.
 */
type Row = Record<string, unknown>;

/** The five link tables: the field of IncidentLinks, the table, and its column. */
export const linkTables: readonly { field: keyof IncidentLinks; table: string; column: string; noun: string; kind: string }[] = [
  { field: 'dsaIds', table: 'incident_dsas', column: 'dsa_id', noun: 'DSA', kind: 'dsa' },
  { field: 'datasetIds', table: 'incident_datasets', column: 'dataset_id', noun: 'dataset', kind: 'dataset' },
  { field: 'holdingIds', table: 'incident_holdings', column: 'holding_id', noun: 'holding', kind: 'holding' },
  { field: 'copyIds', table: 'incident_copies', column: 'copy_id', noun: 'copy', kind: 'copy' },
  { field: 'locationIds', table: 'incident_locations', column: 'location_id', noun: 'location', kind: 'location' },
];

const zoned = (at: unknown, zone: unknown): ZonedTime | null =>
  typeof at === 'string' && typeof zone === 'string' ? { at, timeZone: zone } : null;
const json = <T>(text: unknown): T => JSON.parse(text as string) as T;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function assessmentFrom(row: Row): Assessment | null {
  if (row.likelihood === null) return null;
  return {
    likelihood: row.likelihood as Assessment['likelihood'],
    severity: row.severity as Assessment['severity'],
    icoDecision: row.ico_decision as Assessment['icoDecision'],
    icoDecisionReason: str(row.ico_decision_reason),
    individualsDecision: row.individuals_decision as Assessment['individualsDecision'],
    individualsDecisionReason: str(row.individuals_decision_reason),
    icoReportable: row.ico_reportable === 1,
    dhscReportable: row.dhsc_reportable === 1,
    outcome: row.outcome as string,
    likelihoodLabel: (row.likelihood_label as string | null) ?? '',
    severityLabel: (row.severity_label as string | null) ?? '',
    assessedAt: row.assessed_at as string,
    assessedBy: (row.assessed_by as string | null) ?? '',
  };
}

function incidentFrom(row: Row): Incident {
  return {
    id: row.id as string,
    reference: row.reference as string,
    title: row.title as string,
    description: row.description as string,
    type: row.type as Incident['type'],
    howDiscovered: str(row.how_discovered),
    icoCaseReference: str(row.ico_case_reference),
    occurredAt: zoned(row.occurred_at, row.occurred_zone),
    discoveredAt: zoned(row.discovered_at, row.discovered_zone),
    becameAwareAt: zoned(row.became_aware_at, row.became_aware_zone)!,
    reportedBy: str(row.reported_by),
    staffInvolved: json(row.staff_involved),
    breachKinds: json(row.breach_kinds),
    dataCategories: json(row.data_categories),
    approximateRecords: row.approximate_records as number | null,
    approximatePeople: row.approximate_people as number | null,
    peopleKinds: json(row.people_kinds),
    links: { dsaIds: [], datasetIds: [], holdingIds: [], copyIds: [], locationIds: [] },
    cyber: row.cyber === null ? null : json(row.cyber),
    likelyConsequences: str(row.likely_consequences),
    measuresBefore: str(row.measures_before),
    measuresTaken: str(row.measures_taken),
    measuresProposed: str(row.measures_proposed),
    otherOrganisationsTold: str(row.other_organisations_told),
    lessonsLearned: str(row.lessons_learned),
    findingId: str(row.finding_id),
    status: row.status as Incident['status'],
    containedAt: str(row.contained_at),
    closedAt: str(row.closed_at),
    createdAt: row.created_at as string,
    assessment: assessmentFrom(row),
    notifications: [],
    actions: [],
  };
}

function notificationFrom(row: Row): IncidentNotification {
  return {
    id: row.id as string,
    recipient: row.recipient as IncidentNotification['recipient'],
    kind: row.kind as IncidentNotification['kind'],
    recipientDetail: str(row.recipient_detail),
    sentAt: zoned(row.sent_at, row.sent_zone)!,
    channel: row.channel as IncidentNotification['channel'],
    reference: str(row.reference),
    acknowledgedAt: zoned(row.acknowledged_at, row.acknowledged_zone),
    acknowledgementReference: str(row.acknowledgement_reference),
    lateReason: str(row.late_reason),
    note: str(row.note),
  };
}

function actionFrom(row: Row): IncidentAction {
  return {
    id: row.id as string,
    kind: row.kind as IncidentAction['kind'],
    description: row.description as string,
    owner: row.owner as string,
    dueDate: str(row.due_date),
    status: row.status as IncidentAction['status'],
    completedDate: str(row.completed_date),
  };
}

/** Attaches links, notifications (in the order sent) and actions (in the order recorded) to incidents. */
function attachChildren(db: RegisterConnection, incidents: Incident[], where: string, params: unknown[]): Incident[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  for (const link of linkTables) {
    const rows = prepared(db, `SELECT incident_id, ${link.column} FROM ${link.table} ${where} ORDER BY incident_id, position`).raw(true).all(...params) as [string, string][];
    for (const [incidentId, target] of rows) byId.get(incidentId)?.links[link.field].push(target);
  }
  for (const row of prepared(db, `SELECT * FROM incident_notifications ${where} ORDER BY sent_at, kind = 'follow-up', rowid`).all(...params) as Row[]) {
    byId.get(row.incident_id as string)?.notifications.push(notificationFrom(row));
  }
  for (const row of prepared(db, `SELECT * FROM incident_actions ${where} ORDER BY rowid`).all(...params) as Row[]) {
    byId.get(row.incident_id as string)?.actions.push(actionFrom(row));
  }
  return incidents;
}

/** Every incident, newest awareness first (then most recently recorded). */
export function readAllIncidents(db: RegisterConnection): Incident[] {
  return db.transaction(() => {
    const incidents = (prepared(db, 'SELECT * FROM incidents ORDER BY became_aware_at DESC, rowid DESC').all() as Row[]).map(incidentFrom);
    return attachChildren(db, incidents, '', []);
  })();
}

export function readIncident(db: RegisterConnection, id: string): Incident | undefined {
  const row = prepared(db, 'SELECT * FROM incidents WHERE id = ?').get(id) as Row | undefined;
  if (!row) return undefined;
  return attachChildren(db, [incidentFrom(row)], 'WHERE incident_id = ?', [id])[0];
}

/** The incident with this id, or else with this reference (INC-2026-007), as the CLI accepts either. */
export function findIncidentId(db: RegisterConnection, idOrReference: string): string | undefined {
  return prepared(db, 'SELECT id FROM incidents WHERE id = ? OR reference = ? COLLATE NOCASE ORDER BY id = ? DESC LIMIT 1')
    .pluck(true)
    .get(idOrReference, idOrReference, idOrReference) as string | undefined;
}

const fieldColumns = (fields: IncidentFields) => ({
  title: fields.title,
  description: fields.description,
  type: fields.type,
  how_discovered: fields.howDiscovered,
  ico_case_reference: fields.icoCaseReference,
  occurred_at: fields.occurredAt?.at ?? null,
  occurred_zone: fields.occurredAt?.timeZone ?? null,
  discovered_at: fields.discoveredAt?.at ?? null,
  discovered_zone: fields.discoveredAt?.timeZone ?? null,
  became_aware_at: fields.becameAwareAt.at,
  became_aware_zone: fields.becameAwareAt.timeZone,
  reported_by: fields.reportedBy,
  staff_involved: JSON.stringify(fields.staffInvolved),
  breach_kinds: JSON.stringify(fields.breachKinds),
  data_categories: JSON.stringify(fields.dataCategories),
  approximate_records: fields.approximateRecords,
  approximate_people: fields.approximatePeople,
  people_kinds: JSON.stringify(fields.peopleKinds),
  cyber: fields.cyber === null ? null : JSON.stringify(fields.cyber),
  likely_consequences: fields.likelyConsequences,
  measures_before: fields.measuresBefore,
  measures_taken: fields.measuresTaken,
  measures_proposed: fields.measuresProposed,
  other_organisations_told: fields.otherOrganisationsTold,
  lessons_learned: fields.lessonsLearned,
  finding_id: fields.findingId,
});

function writeLinks(db: RegisterConnection, id: string, links: IncidentLinks): void {
  for (const link of linkTables) {
    prepared(db, `DELETE FROM ${link.table} WHERE incident_id = ?`).run(id);
    const insert = prepared(db, `INSERT INTO ${link.table} (incident_id, position, ${link.column}) VALUES (?, ?, ?)`);
    links[link.field].forEach((target, position) => insert.run(id, position, target));
  }
}

/** Inserts a new incident's fields. Runs inside the caller's transaction. */
export function insertIncidentRow(db: RegisterConnection, id: string, reference: string, createdAt: string, fields: IncidentFields): void {
  const columns = { id, reference, created_at: createdAt, status: 'open', ...fieldColumns(fields) };
  const names = Object.keys(columns);
  prepared(db, `INSERT INTO incidents (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(columns);
  writeLinks(db, id, fields.links);
}

/** Replaces an incident's form fields and links. Runs inside the caller's transaction. */
export function updateIncidentFields(db: RegisterConnection, id: string, fields: IncidentFields): void {
  const columns = fieldColumns(fields);
  const names = Object.keys(columns);
  prepared(db, `UPDATE incidents SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...columns, id });
  writeLinks(db, id, fields.links);
}

export function writeAssessment(db: RegisterConnection, id: string, assessment: Assessment): void {
  prepared(
    db,
    `UPDATE incidents SET likelihood = @likelihood, severity = @severity, ico_reportable = @icoReportable, dhsc_reportable = @dhscReportable,
       outcome = @outcome, likelihood_label = @likelihoodLabel, severity_label = @severityLabel, assessed_at = @assessedAt, assessed_by = @assessedBy,
       ico_decision = @icoDecision, ico_decision_reason = @icoDecisionReason, individuals_decision = @individualsDecision,
       individuals_decision_reason = @individualsDecisionReason
     WHERE id = @id`,
  ).run({ ...assessment, icoReportable: Number(assessment.icoReportable), dhscReportable: Number(assessment.dhscReportable), id });
}

export function writeStatus(db: RegisterConnection, id: string, status: Incident['status'], containedAt: string | null, closedAt: string | null): void {
  prepared(db, 'UPDATE incidents SET status = ?, contained_at = ?, closed_at = ? WHERE id = ?').run(status, containedAt, closedAt, id);
}

export function writeLessonsLearned(db: RegisterConnection, id: string, lessons: string | null): void {
  prepared(db, 'UPDATE incidents SET lessons_learned = ? WHERE id = ?').run(lessons, id);
}

const notificationColumns = (n: IncidentNotification) => ({
  id: n.id,
  recipient: n.recipient,
  kind: n.kind,
  recipient_detail: n.recipientDetail,
  sent_at: n.sentAt.at,
  sent_zone: n.sentAt.timeZone,
  channel: n.channel,
  reference: n.reference,
  acknowledged_at: n.acknowledgedAt?.at ?? null,
  acknowledged_zone: n.acknowledgedAt?.timeZone ?? null,
  acknowledgement_reference: n.acknowledgementReference,
  late_reason: n.lateReason,
  note: n.note,
});

/** Inserts or replaces a notification of an incident. */
export function writeNotification(db: RegisterConnection, incidentId: string, notification: IncidentNotification): void {
  const columns = { ...notificationColumns(notification), incident_id: incidentId };
  const names = Object.keys(columns);
  prepared(
    db,
    `INSERT INTO incident_notifications (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${names.filter((n) => n !== 'id' && n !== 'incident_id').map((n) => `${n} = excluded.${n}`).join(', ')}`,
  ).run(columns);
}

/** Inserts or replaces an action of an incident. */
export function writeAction(db: RegisterConnection, incidentId: string, action: IncidentAction): void {
  prepared(
    db,
    `INSERT INTO incident_actions (id, incident_id, kind, description, owner, due_date, status, completed_date)
     VALUES (@id, @incidentId, @kind, @description, @owner, @dueDate, @status, @completedDate)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, description = excluded.description, owner = excluded.owner,
       due_date = excluded.due_date, status = excluded.status, completed_date = excluded.completed_date`,
  ).run({ ...action, incidentId });
}

/** The number of incidents whose reference starts with a prefix (for the next INC-YYYY-NNN). */
export function highestReferenceNumber(db: RegisterConnection, prefix: string): number {
  const references = prepared(db, 'SELECT reference FROM incidents WHERE reference LIKE ?').pluck(true).all(`${prefix}%`) as string[];
  return references.reduce((max, ref) => Math.max(max, Number(ref.slice(prefix.length)) || 0), 0);
}
