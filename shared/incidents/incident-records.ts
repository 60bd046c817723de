import { z } from 'zod';
import { isoDate } from '../register/dates';
import { recordId } from '../register/records';
import {
  actionKinds,
  actionStatuses,
  breachKinds,
  cyberKinds,
  dataCategories,
  icoDecisions,
  incidentStatuses,
  incidentTypes,
  individualsDecisions,
  notificationChannels,
  notificationKinds,
  notificationRecipients,
  peopleKinds,
  trainingAnswers,
} from './incident-vocabulary';
import { scoreSchema } from './risk-grid';
import { utcInstantSchema, zonedTimeSchema } from './zoned-time';

/**
 * An incident or breach and everything recorded about it: what happened (the ICO form's
 * questions), what it touched in the register, the assessment on the DSPT grid with the two
 * decisions and their reasons, the notifications sent, the containment and remediation actions,
 * and its status. These schemas validate the forms, the IPC requests and what is read back.
 */
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));
const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(1e12).nullable().default(null);
const unique = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'lists a value twice');

export const staffInvolvedSchema = z.strictObject({
  /** A role, or a name where the organisation records names: "Research analyst". */
  role: required(200),
  trainedInLastTwoYears: z.enum(trainingAnswers),
});
export type StaffInvolved = z.infer<typeof staffInvolvedSchema>;

export const incidentLinksSchema = z.strictObject({
  dsaIds: unique(recordId),
  datasetIds: unique(recordId),
  holdingIds: unique(recordId),
  copyIds: unique(recordId),
  locationIds: unique(recordId),
});
export type IncidentLinks = z.infer<typeof incidentLinksSchema>;
export const emptyLinks = (): IncidentLinks => ({ dsaIds: [], datasetIds: [], holdingIds: [], copyIds: [], locationIds: [] });

export const cyberDetailsSchema = z.strictObject({
  kind: z.enum(cyberKinds).nullable().default(null),
  details: optionalText(5000),
  reportedToNcsc: z.boolean().default(false),
});

/** The fields a person fills in on the incident form (everything but status, assessment and the logs). */
export const incidentFieldsSchema = z.strictObject({
  title: required(300),
  description: required(20000),
  type: z.enum(incidentTypes),
  /** The ICO's form asks how the breach was discovered (an audit, a complaint, a staff report…). */
  howDiscovered: optionalText(5000),
  /**
   * The case reference the ICO gives once it has the initial report; the ICO's form asks for it on
   * every follow-up report, so the report prints it at the top.
   */
  icoCaseReference: optionalText(200),
  occurredAt: zonedTimeSchema.nullable().default(null),
  discoveredAt: zonedTimeSchema.nullable().default(null),
  /** Starts the ICO's 72 hours (UK GDPR Art 33(1)). */
  becameAwareAt: zonedTimeSchema,
  reportedBy: optionalText(200),
  staffInvolved: z.array(staffInvolvedSchema).max(100).default([]),
  breachKinds: unique(z.enum(breachKinds)),
  dataCategories: unique(z.enum(dataCategories)),
  approximateRecords: count,
  approximatePeople: count,
  peopleKinds: unique(z.enum(peopleKinds)),
  links: incidentLinksSchema.default(emptyLinks()),
  cyber: cyberDetailsSchema.nullable().default(null),
  likelyConsequences: optionalText(20000),
  measuresBefore: optionalText(20000),
  measuresTaken: optionalText(20000),
  measuresProposed: optionalText(20000),
  otherOrganisationsTold: optionalText(5000),
  lessonsLearned: optionalText(20000),
  /** The finding the incident was opened from (e.g. "COPY_AT_UNAPPROVED_LOCATION:…"). */
  findingId: optionalText(300),
});
export type IncidentFields = z.infer<typeof incidentFieldsSchema>;
export type IncidentFieldsInput = z.input<typeof incidentFieldsSchema>;

/** The assessment: the scores, what the grid said then, and the two decisions, each with its reason. */
export const assessmentFieldsSchema = z
  .strictObject({
    likelihood: scoreSchema,
    severity: scoreSchema,
    icoDecision: z.enum(icoDecisions).nullable().default(null),
    icoDecisionReason: optionalText(5000),
    individualsDecision: z.enum(individualsDecisions).nullable().default(null),
    individualsDecisionReason: optionalText(5000),
  })
  .superRefine((a, ctx) => {
    if (a.icoDecision && !a.icoDecisionReason)
      ctx.addIssue({ code: 'custom', path: ['icoDecisionReason'], message: 'is required: record why, whichever way the decision goes' });
    if (a.individualsDecision && !a.individualsDecisionReason)
      ctx.addIssue({ code: 'custom', path: ['individualsDecisionReason'], message: 'is required: record why, whichever way the decision goes' });
  });
export type AssessmentFields = z.infer<typeof assessmentFieldsSchema>;
export type AssessmentFieldsInput = z.input<typeof assessmentFieldsSchema>;

export const assessmentSchema = z.object({
  likelihood: scoreSchema,
  severity: scoreSchema,
  icoDecision: z.enum(icoDecisions).nullable(),
  icoDecisionReason: z.string().nullable(),
  individualsDecision: z.enum(individualsDecisions).nullable(),
  individualsDecisionReason: z.string().nullable(),
  /** What the grid said when the assessment was recorded; a later edit of the grid does not change it. */
  icoReportable: z.boolean(),
  dhscReportable: z.boolean(),
  outcome: z.string(),
  likelihoodLabel: z.string(),
  severityLabel: z.string(),
  assessedAt: utcInstantSchema,
  assessedBy: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const notificationFieldsSchema = z
  .strictObject({
    recipient: z.enum(notificationRecipients),
    /**
     * Initial report or follow-up. Left empty, the service decides from the thread: the first
     * notification to a recipient is the initial one, every later one a follow-up.
     */
    kind: z.enum(notificationKinds).nullable().default(null),
    /** Who exactly, for "other" (and optionally for the rest): "Caldicott Guardian, Leeds THT". */
    recipientDetail: optionalText(300),
    sentAt: zonedTimeSchema,
    channel: z.enum(notificationChannels),
    reference: optionalText(200),
    acknowledgedAt: zonedTimeSchema.nullable().default(null),
    acknowledgementReference: optionalText(200),
    /** Why it went after its deadline (Art 33(1) requires reasons for a late notification). */
    lateReason: optionalText(5000),
    note: optionalText(5000),
  })
  .superRefine((n, ctx) => {
    if (n.recipient === 'other' && !n.recipientDetail) ctx.addIssue({ code: 'custom', path: ['recipientDetail'], message: 'is required: say who was told' });
    if (n.acknowledgedAt && Date.parse(n.acknowledgedAt.at) < Date.parse(n.sentAt.at))
      ctx.addIssue({ code: 'custom', path: ['acknowledgedAt'], message: 'must not be before the time it was sent' });
  });
export type NotificationFields = z.infer<typeof notificationFieldsSchema>;
export type NotificationFieldsInput = z.input<typeof notificationFieldsSchema>;

export const notificationSchema = z.object({
  id: recordId,
  recipient: z.enum(notificationRecipients),
  kind: z.enum(notificationKinds),
  recipientDetail: z.string().nullable(),
  sentAt: zonedTimeSchema,
  channel: z.enum(notificationChannels),
  reference: z.string().nullable(),
  acknowledgedAt: zonedTimeSchema.nullable(),
  acknowledgementReference: z.string().nullable(),
  lateReason: z.string().nullable(),
  note: z.string().nullable(),
});
export type IncidentNotification = z.infer<typeof notificationSchema>;

/**
 * Which thread a notification belongs to: one per recipient, and for "other" one per named
 * recipient ("Caldicott Guardian, Leeds THT" and "Police Scotland" are two conversations).
 */
export const threadKey = (n: Pick<IncidentNotification, 'recipient' | 'recipientDetail'>): string =>
  n.recipient === 'other' ? `other:${(n.recipientDetail ?? '').trim().toLowerCase()}` : n.recipient;

export interface NotificationThread {
  key: string;
  recipient: IncidentNotification['recipient'];
  recipientDetail: string | null;
  /** Oldest first: the initial report, then each follow-up. */
  notifications: IncidentNotification[];
}

/** The notifications grouped into threads, in the order each thread began. */
export function notificationThreads(notifications: readonly IncidentNotification[]): NotificationThread[] {
  const threads = new Map<string, NotificationThread>();
  const ordered = [...notifications].sort((a, b) => Date.parse(a.sentAt.at) - Date.parse(b.sentAt.at) || (a.kind === 'initial' ? -1 : b.kind === 'initial' ? 1 : 0));
  for (const n of ordered) {
    const key = threadKey(n);
    const thread = threads.get(key) ?? { key, recipient: n.recipient, recipientDetail: n.recipientDetail, notifications: [] };
    thread.notifications.push(n);
    threads.set(key, thread);
  }
  return [...threads.values()];
}

/** "Initial report", "Follow-up 2": a notification's place in its thread. */
export function notificationLabel(thread: NotificationThread, n: IncidentNotification): string {
  if (n.kind === 'initial') return 'Initial report';
  const followUps = thread.notifications.filter((x) => x.kind === 'follow-up');
  return `Follow-up ${followUps.indexOf(n) + 1}`;
}

export const actionFieldsSchema = z
  .strictObject({
    kind: z.enum(actionKinds),
    description: required(5000),
    owner: required(200),
    dueDate: isoDate.nullable().default(null),
    status: z.enum(actionStatuses).default('open'),
    completedDate: isoDate.nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.status === 'done' && !a.completedDate) ctx.addIssue({ code: 'custom', path: ['completedDate'], message: 'is required when the action is done' });
  });
export type ActionFields = z.infer<typeof actionFieldsSchema>;
export type ActionFieldsInput = z.input<typeof actionFieldsSchema>;

export const actionSchema = z.object({
  id: recordId,
  kind: z.enum(actionKinds),
  description: z.string(),
  owner: z.string(),
  dueDate: isoDate.nullable(),
  status: z.enum(actionStatuses),
  completedDate: isoDate.nullable(),
});
export type IncidentAction = z.infer<typeof actionSchema>;

/** An incident as stored and shown: the form's fields plus what the register keeps about it. */
export const incidentSchema = incidentFieldsSchema.extend({
  id: recordId,
  /** The reference people use: INC-2026-007. */
  reference: z.string(),
  status: z.enum(incidentStatuses),
  containedAt: utcInstantSchema.nullable(),
  closedAt: utcInstantSchema.nullable(),
  createdAt: utcInstantSchema,
  assessment: assessmentSchema.nullable(),
  notifications: z.array(notificationSchema),
  actions: z.array(actionSchema),
});
export type Incident = z.infer<typeof incidentSchema>;
