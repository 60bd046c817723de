import { recordKinds, type RecordKind } from '../register/records';

/**
 * Every word the audit log is written with, and how a person reads it. The writer
 * (electron/register/audit-log.ts) accepts only these, so the Audit log screen's filters cannot
 * miss an action or a kind of record that some feature records: adding one means naming it here.
 */
export const auditActionLabels = {
  create: 'Created',
  update: 'Updated',
  archive: 'Archived',
  restore: 'Restored',
  import: 'Imported',
  export: 'Exported',
  'destruction-recorded': 'Destruction recorded',
  'evidence-attached': 'Evidence attached',
  'absence-checked': 'Absence checked',
  'certificate-issued': 'Certificate issued',
  'certificate-signed': 'Certificate signed',
  assess: 'Assessed',
  notification: 'Notification logged',
  action: 'Action recorded',
  contain: 'Contained',
  close: 'Closed',
  reopen: 'Reopened',
  acknowledge: 'Acknowledged',
  'accept-risk': 'Risk accepted',
} as const;
export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

/**
 * What an entry is about (its `recordKind`): a register record, or one of the other things the app
 * records. A disclosure export is recorded against the holding whose table left; a finding's status
 * against the finding's stable id (its code and records, not a row); incident settings
 * and whole-register imports and exports have no record id.
 */
export const otherAuditSubjects = ['incident', 'disclosureTable', 'incidentSettings', 'register', 'finding'] as const;
export type AuditRecordKind = RecordKind | (typeof otherAuditSubjects)[number];

/**
 * The "Kind of record" filter's choices: each register kind, the other subjects, and destruction
 * records, which are written against the copy destroyed (so "Copy" finds them too) and are picked
 * out by their actions.
 */
export interface AuditKindFilter {
  recordKinds: readonly AuditRecordKind[];
  actions?: readonly AuditAction[];
}
export const destructionActions: readonly AuditAction[] = ['destruction-recorded', 'evidence-attached', 'absence-checked'];
export const auditKindFilters: Record<string, AuditKindFilter> = {
  ...Object.fromEntries(recordKinds.map((kind) => [kind, { recordKinds: [kind] }])),
  incident: { recordKinds: ['incident'] },
  destruction: { recordKinds: ['copy'], actions: destructionActions },
  disclosureTable: { recordKinds: ['disclosureTable'] },
  incidentSettings: { recordKinds: ['incidentSettings'] },
  register: { recordKinds: ['register'] },
  finding: { recordKinds: ['finding'] },
};

/** Names of the kinds that are not register records (the screens name those: kindNouns). */
export const otherAuditKindLabels: Record<(typeof otherAuditSubjects)[number] | 'destruction', string> = {
  incident: 'Incident',
  destruction: 'Destruction record',
  disclosureTable: 'Disclosure export',
  incidentSettings: 'Settings (incidents)',
  register: 'Whole register',
  finding: 'Finding status',
};
