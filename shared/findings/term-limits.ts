/**
 * The longest term NHS England allows a DSA version (DARS standard 1, "term of DSA"), in years, as
 * data: the figures could not all be confirmed against a primary source (check), so they are kept
 * here, in one place, for correction. The newer standard allows up to 15 years for consented
 * archiving, which this table does not yet distinguish.
 */
export const termLimitsYears = {
  /** Most agreements. */
  standard: 3,
  /** Commercial purposes or sub-licensing. */
  commercialOrSublicensed: 1,
  /** Archiving for academic research. */
  archivingForResearch: 5,
} as const;

export const termLimitsNote = 'NHS England DARS standard 1 (term of DSA); the figures are marked (check) in Custodian';
