/**
 * The findings that can be a breach of the agreement itself, and so the only ones from which an
 * incident is opened (issue 11, item 2): data where the agreement does not allow it (an unapproved
 * location, outside the agreed territory, run by someone not a party) or kept longer than it allows
 * (destruction overdue, data held after the agreement expired). The rest are paperwork to put right
 * (a missing DSFC, an assurance to renew), and an incident drafted from them would be noise in the
 * breach log an auditor reads.
 */
export const breachCapableCodes: ReadonlySet<string> = new Set([
  'COPY_AT_UNAPPROVED_LOCATION',
  'LOCATION_OUTSIDE_TERRITORY',
  'OPERATOR_NOT_PARTY',
  'DESTRUCTION_OVERDUE',
  'DSA_EXPIRED_DATA_HELD',
]);

export const canBeBreach = (code: string): boolean => breachCapableCodes.has(code);
