import type { FindingCode, IncidentFindingCode } from '../register/findings';

/**
 * How each finding reads in NHS England's audit vocabulary (the audit-readiness report). An
 * agreement nonconformity is a term of the DSA or DSFC not met today; an observation is something an
 * auditor will ask about without it being a breach; an opportunity for improvement is a risk that
 * acting early avoids. The classes are Custodian's reading of each rule, not NHS England's: this
 * table is data, so anyone can read and correct it, and a test keeps one line per finding code.
 */
export const auditClasses = ['nonconformity', 'observation', 'opportunity'] as const;
export type AuditClass = (typeof auditClasses)[number];

export const auditClassLabels: Record<AuditClass, string> = {
  nonconformity: 'Agreement nonconformity',
  observation: 'Observation',
  opportunity: 'Opportunity for improvement',
};

/** The heading over a class's findings in the report. */
export const auditClassHeadings: Record<AuditClass, string> = {
  nonconformity: 'Agreement nonconformities',
  observation: 'Observations',
  opportunity: 'Opportunities for improvement',
};

export const auditClassOf: Record<FindingCode | IncidentFindingCode, { auditClass: AuditClass; why: string }> = {
  DSA_EXPIRING: { auditClass: 'opportunity', why: 'the agreement is still in force; renewing in time avoids a gap' },
  DSA_VERSION_GAP: { auditClass: 'nonconformity', why: 'data held while no version of the agreement was in force' },
  DSA_EXPIRED_DATA_HELD: { auditClass: 'nonconformity', why: 'data held after the agreement ended' },
  DESTRUCTION_OVERDUE: { auditClass: 'nonconformity', why: 'the agreement’s destruction period has passed' },
  CERTIFICATE_MISSING: { auditClass: 'nonconformity', why: 'NHS England requires a certificate of destruction' },
  COPY_AT_UNAPPROVED_LOCATION: { auditClass: 'nonconformity', why: 'data is processed or stored where the agreement does not allow' },
  LOCATION_OUTSIDE_TERRITORY: { auditClass: 'nonconformity', why: 'data is outside the territory of use the agreement names' },
  OPERATOR_NOT_PARTY: { auditClass: 'nonconformity', why: 'an organisation handling the data is not a party to the agreement' },
  DSFC_MISSING: { auditClass: 'nonconformity', why: 'a DSA depends on a Data Sharing Framework Contract in force' },
  ASSURANCE_EXPIRED: { auditClass: 'nonconformity', why: 'the DSFC requires current security assurance (DSPT or ISO 27001)' },
  ICO_REGISTRATION_EXPIRED: { auditClass: 'nonconformity', why: 'a party must be registered with the ICO' },
  OBLIGATION_OVERDUE: { auditClass: 'nonconformity', why: 'a special condition or improvement plan of the agreement is overdue' },
  TERM_EXCEEDS_MAXIMUM: { auditClass: 'observation', why: 'the agreement was signed with this term; an auditor will ask why' },
  UNDECLARED_SUBPROCESSOR: { auditClass: 'nonconformity', why: 'a provider hosting the data is not declared on the agreement' },
  DSPT_IMPROVEMENT_PLAN: { auditClass: 'observation', why: 'NHS England approved the plan; an auditor will ask about its progress' },
  INCIDENT_NOTIFICATION_DUE: { auditClass: 'observation', why: 'a notification clock is running and not yet missed' },
  INCIDENT_NOTIFICATION_OVERDUE: { auditClass: 'nonconformity', why: 'a breach notification was not made in time' },
};

/** The class of any finding code; a code the table does not know (a newer register's) is an observation. */
export const classOfCode = (code: string): AuditClass => (auditClassOf as Record<string, { auditClass: AuditClass }>)[code]?.auditClass ?? 'observation';
