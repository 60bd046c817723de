import type { FindingCode, IncidentFindingCode } from '../register/findings';

/** Each finding code in words, for the findings table's group headings and its Code filter. */
export const findingCodeLabels: Record<FindingCode | IncidentFindingCode, string> = {
  DSA_EXPIRING: 'Agreement ending soon',
  DSA_VERSION_GAP: 'Gap between agreement versions',
  DSA_EXPIRED_DATA_HELD: 'Data held after the agreement expired',
  DESTRUCTION_OVERDUE: 'Destruction overdue',
  CERTIFICATE_MISSING: 'Certificate of destruction missing',
  COPY_AT_UNAPPROVED_LOCATION: 'Copy at an unapproved location',
  LOCATION_OUTSIDE_TERRITORY: 'Location outside the agreed territory',
  OPERATOR_NOT_PARTY: 'Location run by an organisation not a party',
  DSFC_MISSING: 'Data Sharing Framework Contract missing',
  ASSURANCE_EXPIRED: 'Security assurance expired',
  DSPT_IMPROVEMENT_PLAN: 'DSPT improvement plan in progress',
  ICO_REGISTRATION_EXPIRED: 'ICO registration expired',
  OBLIGATION_OVERDUE: 'Obligation overdue',
  TERM_EXCEEDS_MAXIMUM: 'Term longer than NHS England allows',
  UNDECLARED_SUBPROCESSOR: 'Undeclared sub-processor',
  INCIDENT_NOTIFICATION_DUE: 'Incident notification due',
  INCIDENT_NOTIFICATION_OVERDUE: 'Incident notification overdue',
};

export const findingCodeLabel = (code: string): string => (findingCodeLabels as Record<string, string>)[code] ?? code;
