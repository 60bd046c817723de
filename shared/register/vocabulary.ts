/**
 * The controlled vocabularies of the register. Values from NHS England's Data Uses Register are kept
 * exactly as it spells them so that imports match.
 */
export const organisationRoles = ['controller', 'processor', 'applicant', 'other'] as const;

export const assuranceKinds = ['DSPT', 'ISO27001'] as const;
export const dsptStatuses = [
  'Standards Exceeded',
  'Standards Met',
  'Approaching Standards',
  'Standards Not Met',
  // Below Standards Met with an improvement plan NHS England approved, on the date the assessment records.
  'Not Met - Improvement Plan Approved',
  'Not Published',
] as const;
/** The DSPT status with an approved improvement plan: its own state, neither Met nor plain Not Met. */
export const dsptImprovementPlanApproved = 'Not Met - Improvement Plan Approved' satisfies (typeof dsptStatuses)[number];
/** DSPT statuses that satisfy the DSFC on their own; others need an agreed improvement plan. */
export const dsptAcceptableStatuses: readonly string[] = ['Standards Exceeded', 'Standards Met'];

export const versionStatuses = ['draft', 'active', 'superseded', 'expired', 'terminated'] as const;

export const partyRoles = ['controller', 'processor'] as const;
export const controllerTypes = ['sole', 'joint'] as const;

export const typesOfData = [
  'Identifiable',
  'Pseudonymised',
  'Anonymised - ICO Code Compliant',
  'Aggregated - small numbers suppressed',
  'Aggregated - small numbers not suppressed',
] as const;
export const sensitivities = ['Sensitive', 'Non-Sensitive'] as const;
export const frequencies = ['One-Off', 'Ongoing', 'System Access'] as const;
export const optOutValues = ['Yes', 'No', 'Mixed'] as const;

export const locationKinds = [
  'on-premises-server',
  'cloud-region',
  'trusted-research-environment',
  'backup',
  'disaster-recovery',
  'end-user-device',
  'paper-store',
] as const;

export const approvalRoles = ['storage', 'processing', 'backup', 'remote-access'] as const;

export const copyKinds = ['primary', 'backup', 'derived', 'processor-copy'] as const;

/**
 * Which approved roles allow a live copy of each kind. A backup copy needs a location approved for
 * backup (backup sites count as locations); any other copy needs storage or processing approval.
 */
export const rolesAllowingCopyKind: Record<(typeof copyKinds)[number], readonly (typeof approvalRoles)[number][]> = {
  primary: ['storage'],
  backup: ['backup', 'storage'],
  derived: ['storage', 'processing'],
  'processor-copy': ['storage', 'processing'],
};

export const obligationKinds = [
  'special-condition',
  'renewal',
  'annual-confirmation',
  'improvement-plan',
  'other',
] as const;
export const obligationStatuses = ['open', 'in-progress', 'met', 'waived'] as const;
export const recurrences = ['none', 'monthly', 'quarterly', 'annually'] as const;

export const certificateStatuses = ['issued', 'sent', 'acknowledged'] as const;
