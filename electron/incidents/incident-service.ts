import type { AuditAction } from '../../shared/audit/audit-vocabulary';
import type { RegisterConnection } from '../db/register-connection';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { outstandingForClosure } from '../../shared/incidents/closure';
import {
  actionFieldsSchema,
  assessmentFieldsSchema,
  incidentFieldsSchema,
  notificationFieldsSchema,
  threadKey,
  type Assessment,
  type Incident,
  type IncidentAction,
  type IncidentFields,
  type IncidentNotification,
} from '../../shared/incidents/incident-records';
import type { IncidentStatus } from '../../shared/incidents/incident-vocabulary';
import { notificationRecipientPhrases } from '../../shared/incidents/incident-vocabulary';
import { deadlineFor, formatDuration, latenessOf } from '../../shared/incidents/notification-clocks';
import { assessOnGrid } from '../../shared/incidents/risk-grid';
import { formatZoned, localDateIn } from '../../shared/incidents/zoned-time';
import { UserFacingError } from '../../shared/ipc/result';
import { readSettings } from '../db/settings-repository';
import { appendAudit, type AuditActor } from '../register/audit-log';
import { firstZodIssue, RecordRejected } from '../register/record-issue';
import { recordExists } from '../register/record-rows';
import { recordTables } from '../register/record-tables';
import type { RecordKind } from '../../shared/register/records';
import { actorName } from '../register/actor-name';
import {
  highestReferenceNumber,
  insertIncidentRow,
  linkTables,
  readIncident,
  updateIncidentFields,
  writeAction,
  writeAssessment,
  writeLessonsLearned,
  writeNotification,
  writeStatus,
} from './incident-rows';
import { readIncidentSettings } from './incident-settings-store';

/**
 * Recording an incident over its life: create and edit it, assess it on the grid, log each
 * notification and action, and move it from open to contained to closed. Every write validates
 * with the shared zod schemas, checks that what it links to exists, and writes its audit entry
 * (record kind `incident`) in the same transaction. Refusals are UserFacingErrors whose message
 * names the field and says what to do, e.g. `lateReason: the notification to the ICO was sent
 * 3 hours after its deadline (30 March 2026, 11:00 BST): give the reason it was late`.
 */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new RecordRejected(firstZodIssue(parsed.error));
  return parsed.data;
}

const notFound = (id: string) => new UserFacingError('NOT_FOUND', `There is no incident "${id}"; reload the list of incidents and try again.`);

export function getIncident(db: RegisterConnection, id: string): Incident {
  const incident = readIncident(db, id);
  if (!incident) throw notFound(id);
  return incident;
}

/** Every linked record must exist in the register. */
function checkLinks(db: RegisterConnection, fields: IncidentFields): void {
  for (const link of linkTables) {
    fields.links[link.field].forEach((target, index) => {
      if (!recordExists(db, recordTables[link.kind as RecordKind], target)) {
        throw new RecordRejected({ path: ['links', link.field, index], message: `${link.noun} "${target}" does not exist in the register` });
      }
    });
  }
}

/** INC-2026-007: the year the incident was recorded on the organisation's clock, and the next number that year. */
function nextReference(db: RegisterConnection, now: Date, timeZone: string): string {
  const prefix = `INC-${localDateIn(now.toISOString(), timeZone).slice(0, 4)}-`;
  return `${prefix}${String(highestReferenceNumber(db, prefix) + 1).padStart(3, '0')}`;
}

export function createIncident(db: RegisterConnection, actor: AuditActor, input: unknown): Incident {
  const fields = parse(incidentFieldsSchema, input);
  return db
    .transaction(() => {
      checkLinks(db, fields);
      const id = randomUUID();
      const now = actor.now();
      insertIncidentRow(db, id, nextReference(db, now, readIncidentSettings(db).defaultTimeZone), now.toISOString(), fields);
      const created = getIncident(db, id);
      appendAudit(db, actor, { action: 'create', recordKind: 'incident', recordId: id, before: null, after: created });
      return created;
    })
    .immediate();
}

export function updateIncident(db: RegisterConnection, actor: AuditActor, id: string, input: unknown): Incident {
  const fields = parse(incidentFieldsSchema, input);
  return db
    .transaction(() => {
      const before = getIncident(db, id);
      checkLinks(db, fields);
      updateIncidentFields(db, id, fields);
      return audited(db, actor, 'update', before);
    })
    .immediate();
}

/** Writes the audit entry for a change to an incident (none if nothing changed) and returns the incident as it now is. */
function audited(db: RegisterConnection, actor: AuditActor, action: AuditAction, before: Incident, detail?: unknown): Incident {
  const after = getIncident(db, before.id);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    appendAudit(db, actor, { action, recordKind: 'incident', recordId: before.id, before, after, ...(detail === undefined ? {} : { detail }) });
  }
  return after;
}

/** Records the scores, what the grid says about them now, and the two decisions with their reasons. */
export function assessIncident(db: RegisterConnection, actor: AuditActor, id: string, input: unknown): Incident {
  const fields = parse(assessmentFieldsSchema, input);
  return db
    .transaction(() => {
      const before = getIncident(db, id);
      const { grid } = readIncidentSettings(db);
      const outcome = assessOnGrid(grid, fields.likelihood, fields.severity);
      const assessment: Assessment = {
        ...fields,
        icoReportable: outcome.icoReportable,
        dhscReportable: outcome.dhscReportable,
        outcome: outcome.label,
        likelihoodLabel: grid.likelihoodLabels[fields.likelihood - 1] ?? '',
        severityLabel: grid.severityLabels[fields.severity - 1] ?? '',
        assessedAt: actor.now().toISOString(),
        assessedBy: readSettings(db).displayName || actorName(db, actor),
      };
      const unchanged = before.assessment && sameDecisions(before.assessment, assessment);
      if (unchanged) return before;
      writeAssessment(db, id, assessment);
      return audited(db, actor, 'assess', before);
    })
    .immediate();
}

const sameDecisions = (a: Assessment, b: Assessment): boolean =>
  JSON.stringify({ ...a, assessedAt: '', assessedBy: '' }) === JSON.stringify({ ...b, assessedAt: '', assessedBy: '' });

/**
 * Logs a notification (or corrects one, given its id: e.g. adding the acknowledgement). Each
 * recipient has one thread: one initial report, then follow-ups (the ICO's form asks which it is).
 * Only the initial report is held to the recipient's deadline; one sent after it must say why
 * (UK GDPR Art 33(1)). A follow-up is never late: it updates a report already made in time, or
 * already explained.
 */
export function recordNotification(db: RegisterConnection, actor: AuditActor, incidentId: string, input: unknown, notificationId?: string): Incident {
  const fields = parse(notificationFieldsSchema, input);
  return db
    .transaction(() => {
      const before = getIncident(db, incidentId);
      if (notificationId !== undefined && !before.notifications.some((n) => n.id === notificationId)) {
        throw new UserFacingError('NOT_FOUND', `Incident ${before.reference} has no notification "${notificationId}"; reload it and try again.`);
      }
      const who = notificationRecipientPhrases[fields.recipient];
      const thread = before.notifications.filter((n) => n.id !== notificationId && threadKey(n) === threadKey(fields));
      const initial = thread.find((n) => n.kind === 'initial');
      const kind = fields.kind ?? (thread.length > 0 ? 'follow-up' : 'initial');
      const sent = Date.parse(fields.sentAt.at);
      if (kind === 'initial' && initial) {
        throw new RecordRejected({ path: ['kind'], message: `the initial notification to ${who} was sent ${formatZoned(initial.sentAt)}: log this one as a follow-up` });
      }
      if (kind === 'initial' && thread.some((n) => Date.parse(n.sentAt.at) < sent)) {
        throw new RecordRejected({ path: ['sentAt'], message: `the initial notification to ${who} must not be sent after its follow-ups` });
      }
      if (kind === 'follow-up' && !initial) {
        throw new RecordRejected({ path: ['kind'], message: `a follow-up needs the initial notification to ${who}: log that first` });
      }
      if (kind === 'follow-up' && initial && sent < Date.parse(initial.sentAt.at)) {
        throw new RecordRejected({ path: ['sentAt'], message: `a follow-up must not be sent before the initial notification to ${who} (${formatZoned(initial.sentAt)})` });
      }
      const settings = readIncidentSettings(db);
      const late = kind === 'initial' ? latenessOf(before, settings, fields.recipient, fields.sentAt.at) : null;
      if (late !== null && late > 0 && !fields.lateReason) {
        const deadline = formatZoned({ at: deadlineFor(before, settings, fields.recipient)!, timeZone: before.becameAwareAt.timeZone });
        throw new RecordRejected({
          path: ['lateReason'],
          message: `the notification to ${who} was sent ${formatDuration(late)} after its deadline (${deadline}): give the reason it was late`,
        });
      }
      const notification: IncidentNotification = { id: notificationId ?? randomUUID(), ...fields, kind };
      writeNotification(db, incidentId, notification);
      return audited(db, actor, 'notification', before, { notificationId: notification.id, recipient: notification.recipient, kind });
    })
    .immediate();
}

/** Adds a containment or remediation action, or changes one given its id. */
export function recordAction(db: RegisterConnection, actor: AuditActor, incidentId: string, input: unknown, actionId?: string): Incident {
  const fields = parse(actionFieldsSchema, input);
  return db
    .transaction(() => {
      const before = getIncident(db, incidentId);
      if (actionId !== undefined && !before.actions.some((a) => a.id === actionId)) {
        throw new UserFacingError('NOT_FOUND', `Incident ${before.reference} has no action "${actionId}"; reload it and try again.`);
      }
      const action: IncidentAction = { id: actionId ?? randomUUID(), ...fields, completedDate: fields.status === 'done' ? fields.completedDate : null };
      writeAction(db, incidentId, action);
      return audited(db, actor, 'action', before, { actionId: action.id, status: action.status });
    })
    .immediate();
}

/** The refusal a person sees when closing is not yet allowed: what is outstanding, one item each. */
export class ClosureRefused extends UserFacingError {
  constructor(
    readonly reference: string,
    readonly outstanding: readonly string[],
  ) {
    super('REFUSED', `${reference} cannot be closed while ${outstanding.length === 1 ? 'this is' : `these ${outstanding.length} are`} outstanding: ${outstanding.map((o, i) => `(${i + 1}) ${o}`).join(' ')}`);
    this.name = 'ClosureRefused';
  }
}

/**
 * Moves an incident between open, contained and closed. Closing is refused while a decision, a
 * required notification, a late notification's reason or an action is outstanding; lessons learned
 * may be recorded with the change. Reopening a closed incident clears its closing time.
 */
export function changeIncidentStatus(db: RegisterConnection, actor: AuditActor, id: string, status: IncidentStatus, lessonsLearned?: string | null): Incident {
  return db
    .transaction(() => {
      const before = getIncident(db, id);
      if (lessonsLearned !== undefined) writeLessonsLearned(db, id, lessonsLearned?.trim() || null);
      const now = actor.now().toISOString();
      if (status === 'closed' && before.status !== 'closed') {
        const outstanding = outstandingForClosure(before, readIncidentSettings(db));
        if (outstanding.length > 0) throw new ClosureRefused(before.reference, outstanding);
      }
      const containedAt = status === 'open' ? before.containedAt : (before.containedAt ?? now);
      const closedAt = status === 'closed' ? (before.closedAt ?? now) : null;
      writeStatus(db, id, status, containedAt, closedAt);
      const action = status === before.status ? 'update' : status === 'closed' ? 'close' : status === 'contained' ? 'contain' : 'reopen';
      return audited(db, actor, action, before);
    })
    .immediate();
}
