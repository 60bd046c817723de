import type { FindingCode, IncidentFindingCode } from '../register/findings';

/**
 * What each kind of finding is, in the words an IG lead would use: for text a person reads or
 * edits (an incident drafted from a finding), where a code such as COPY_AT_UNAPPROVED_LOCATION
 * would mean nothing to the reader of an ICO report.
 */
export const findingKindWords: Record<FindingCode | IncidentFindingCode, string> = {
  DSA_EXPIRING: 'an agreement ending soon with no renewal recorded',
  DSA_VERSION_GAP: 'a gap between two versions of an agreement, when no agreement was in force',
  DSA_EXPIRED_DATA_HELD: 'data still held after its agreement ended',
  DESTRUCTION_OVERDUE: 'data not destroyed by the date the agreement requires',
  CERTIFICATE_MISSING: 'destroyed data with no certificate of destruction',
  COPY_AT_UNAPPROVED_LOCATION: 'a copy of the data at a location the agreement does not approve',
  LOCATION_OUTSIDE_TERRITORY: 'data held outside the territory the agreement allows',
  OPERATOR_NOT_PARTY: 'data held at a location run by an organisation that is not party to the agreement',
  DSFC_MISSING: 'an agreement signed without a data sharing framework contract binding its controller',
  ASSURANCE_EXPIRED: 'an organisation whose security assurance (DSPT or ISO 27001) has lapsed',
  DSPT_IMPROVEMENT_PLAN: 'an organisation that did not meet the DSPT standards and works to an improvement plan NHS England approved',
  ICO_REGISTRATION_EXPIRED: 'an organisation whose ICO registration has lapsed',
  OBLIGATION_OVERDUE: 'an obligation of the agreement not met by its due date',
  TERM_EXCEEDS_MAXIMUM: 'an agreement running longer than NHS England allows',
  UNDECLARED_SUBPROCESSOR: 'data held with a hosting provider that is not party to the agreement',
  INCIDENT_NOTIFICATION_DUE: 'an incident notification falling due',
  INCIDENT_NOTIFICATION_OVERDUE: 'an incident notification not made in time',
};

/** The words for a code, or a plain phrase for a code this version does not know (never the code itself). */
export const wordsForFindingCode = (code: string): string =>
  (findingKindWords as Record<string, string>)[code] ?? 'a problem the register check found';
