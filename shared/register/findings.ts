import { z } from 'zod';
import { findingStatusSchema } from '../findings/finding-status';
import { recordId } from './records';

/** The finding codes, exactly as the issue and the documentation name them. */
export const findingCodes = [
  'DSA_EXPIRING',
  'DSA_VERSION_GAP',
  'DSA_EXPIRED_DATA_HELD',
  'DESTRUCTION_OVERDUE',
  'CERTIFICATE_MISSING',
  'COPY_AT_UNAPPROVED_LOCATION',
  'LOCATION_OUTSIDE_TERRITORY',
  'OPERATOR_NOT_PARTY',
  'DSFC_MISSING',
  'ASSURANCE_EXPIRED',
  'ICO_REGISTRATION_EXPIRED',
  'OBLIGATION_OVERDUE',
  'TERM_EXCEEDS_MAXIMUM',
  'UNDECLARED_SUBPROCESSOR',
  'DSPT_IMPROVEMENT_PLAN',
] as const;
export type FindingCode = (typeof findingCodes)[number];

/**
 * Findings about incidents' notification clocks. They are computed from the incidents and the
 * moment (not the register and a date), by shared/incidents/incident-findings.ts, and merged into
 * what `findings.list` and `custodian findings` return.
 */
export const incidentFindingCodes = ['INCIDENT_NOTIFICATION_DUE', 'INCIDENT_NOTIFICATION_OVERDUE'] as const;
export type IncidentFindingCode = (typeof incidentFindingCodes)[number];

export const severities = ['high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];

export const findingSubjectSchema = z.object({
  kind: z.string(),
  id: recordId,
  label: z.string(),
});

export const findingSchema = z.object({
  /** Stable across runs for the same problem, so the UI can link to it and incidents can cite it. */
  id: z.string(),
  code: z.string(),
  severity: z.enum(severities),
  title: z.string(),
  /** One sentence saying what to do. */
  action: z.string(),
  subjects: z.array(findingSubjectSchema),
  /** The date the problem becomes (or became) due, when there is one. */
  dueDate: z.string().nullable(),
  /** What the IG lead decided about it (finding-status.ts); absent where no register is consulted (a rule's own output), which reads as open. */
  status: findingStatusSchema.optional(),
});
export type Finding = z.infer<typeof findingSchema>;
