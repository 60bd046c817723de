import { disclosureProfileSchema, type DisclosureProfile, type DisclosureProfileInput } from './profile';

/**
 * The profiles Custodian ships. Each states its source and how it was checked; where a detail could
 * not be confirmed against a primary source, the verification note says so, and a user can save a
 * corrected copy as a custom profile.
 */
const definitions: DisclosureProfileInput[] = [
  {
    id: 'nhs-secondary-care',
    version: 1,
    name: 'NHS secondary care (HES, ECDS, SHMI)',
    description:
      'Below national level: 0 stays 0, counts 1–7 become *, every other count is rounded to the nearest 5 (halves away from zero). National figures are shown unrounded. Totals are computed from unrounded counts and then rounded on their own, so they need not add up.',
    sources: [
      {
        title: 'Hospital Episode Statistics (HES) analysis guide: disclosure control method (September 2018)',
        publisher: 'NHS Digital (now NHS England)',
        url: null,
      },
      { title: 'SHMI data: small-number suppression note (seed text)', publisher: 'NHS Digital', url: null },
    ],
    verification:
      'Checked against the Custodian domain guide (section 7) and a public copy of NHS Digital’s secondary-care disclosure-control text, which agrees on 1–7 → *, rounding to the nearest 5 below national level, no control at national level, and totals calculated before rounding. Not checked against the live NHS England page (no network access when written). The tie rule (halves away from zero) follows NHS statistical code; with a base of 5 whole counts never tie. Protection width 3 is Custodian’s choice, not NHS guidance (which relies on rounding and sets none): the audit refuses a table in which a suppressed count can be pinned to one or two values. The full range (7) would refuse about nine in ten tables with totals, since every rounded total narrows a suppressed cell somewhat; make a custom profile to be stricter.',
    suppression: { min: 1, max: 7 },
    zeros: 'show',
    marker: '*',
    rounding: { base: 5, tie: 'half-away-from-zero' },
    national: 'exempt',
    totals: 'from-true-counts',
    secondarySuppression: false,
    protectionWidth: 3,
    percentages: { basis: 'unrounded', decimals: 0 },
  },
  {
    id: 'nhs-community-mental-health',
    version: 1,
    name: 'NHS community and mental health (CSDS, MHSDS)',
    description:
      'Below national level: counts 0–4 become *, every other count is rounded to the nearest 5. Percentages are whole numbers, and * when computed from a suppressed count. National figures are not suppressed.',
    sources: [
      { title: 'Community Services Data Set (CSDS) statistics: data quality and disclosure note (seed text)', publisher: 'NHS Digital', url: null },
      { title: 'Mental health statistics: disclosure control in published outputs', publisher: 'NHS Digital', url: null },
    ],
    verification:
      'Checked against the Custodian domain guide (section 7), which records the CSDS seed text: 0–4 → *, others rounded to 5, percentages whole and * from a suppressed value, national not suppressed. Whether national figures are also left unrounded could not be confirmed; this profile leaves them exact, as the MHSDS monthly reports appear to. Percentages are computed from unrounded counts (sources disagree; change it in a custom profile if your agreement says otherwise). Protection width 3 is Custodian’s choice, as for nhs-secondary-care: a suppressed count must not be pinned to one or two values.',
    suppression: { min: 1, max: 4 },
    zeros: 'suppress',
    marker: '*',
    rounding: { base: 5, tie: 'half-away-from-zero' },
    national: 'exempt',
    totals: 'from-true-counts',
    secondarySuppression: false,
    protectionWidth: 3,
    percentages: { basis: 'unrounded', decimals: 0 },
  },
  {
    id: 'nhs-small-numbers-1-5',
    version: 1,
    name: 'NHS small numbers 1–5 (pre-2018 rule)',
    description:
      'Counts 1–5 become *, zeros are shown, nothing is rounded. Because suppression without rounding can be undone from totals, complementary cells are suppressed and the result is checked by the attacker’s linear program.',
    sources: [{ title: 'HES analysis guide: small-number suppression before September 2018', publisher: 'NHS Digital', url: null }],
    verification:
      'Checked against the Custodian domain guide and the issue that specifies it (1–5 → * with secondary suppression, no rounding). The pre-2018 guidance itself was not available to check. Protection width 5: the attacker must not be able to narrow a suppressed cell below five possible values.',
    suppression: { min: 1, max: 5 },
    zeros: 'show',
    marker: '*',
    rounding: null,
    national: 'same-as-local',
    totals: 'from-true-counts',
    secondarySuppression: true,
    protectionWidth: 5,
    percentages: { basis: 'unrounded', decimals: 1 },
  },
  {
    id: 'opensafely',
    version: 1,
    name: 'OpenSAFELY-style',
    description:
      'Counts of 7 or fewer (zero included) are redacted, others rounded to the nearest 5, and totals are recalculated as the sum of the shown cells so that redacted cells cannot be inferred from them.',
    sources: [
      { title: 'Applying statistical disclosure control', publisher: 'OpenSAFELY documentation', url: 'https://docs.opensafely.org/sdc/' },
      { title: 'Updated disclosure control guidance', publisher: 'OpenSAFELY', url: 'https://www.opensafely.org/updated-output-checking-processes/' },
    ],
    verification:
      'Checked against public copies of the OpenSAFELY pages above: counts ≤ 7 are redacted, rounding of all counts is recommended after redaction, and row and column totals are recalculated after redaction. “≤ 7” is read to include zero, the cautious reading. OpenSAFELY also documents midpoint-6 rounding as an alternative; this profile uses plain rounding to 5 as the issue specifies.',
    suppression: { min: 1, max: 7 },
    zeros: 'suppress',
    marker: '[REDACTED]',
    rounding: { base: 5, tie: 'half-away-from-zero' },
    national: 'same-as-local',
    totals: 'sum-of-published',
    secondarySuppression: false,
    protectionWidth: 8,
    percentages: { basis: 'rounded', decimals: 1 },
  },
  {
    id: 'threshold-10',
    version: 1,
    name: 'Threshold 10 (TRE output checking, SACRO/ACRO defaults)',
    description:
      'Counts under 10 are suppressed, zeros included (a zero is disclosive: it says nobody has the attribute). Complementary cells are suppressed and the result is checked by the attacker’s linear program. Nothing is rounded.',
    sources: [
      { title: 'ACRO: Automatic Checking of Research Outputs, default thresholds', publisher: 'AI-SDC / University of the West of England', url: 'https://github.com/AI-SDC/ACRO' },
      { title: 'SACRO: Semi-Automated Checking of Research Outputs', publisher: 'AI-SDC', url: 'https://github.com/AI-SDC/SACRO' },
    ],
    verification:
      'Checked against the Custodian domain guide (threshold 10, zeros disclosive, secondary suppression). ACRO’s default safe threshold of 10 was taken from its documentation as recorded in the guide; the current ACRO configuration file was not re-read. Protection width 10: a suppressed cell must keep at least ten possible values.',
    suppression: { min: 1, max: 9 },
    zeros: 'suppress',
    marker: '*',
    rounding: null,
    national: 'same-as-local',
    totals: 'from-true-counts',
    secondarySuppression: true,
    protectionWidth: 10,
    percentages: { basis: 'unrounded', decimals: 1 },
  },
];

/** Parsed through the same schema as a user's file, so a mistake here fails the first test run. */
export const builtinProfiles: readonly DisclosureProfile[] = Object.freeze(definitions.map((d) => disclosureProfileSchema.parse(d)));

export const builtinProfileIds = builtinProfiles.map((p) => p.id);

export function findBuiltinProfile(id: string): DisclosureProfile | undefined {
  return builtinProfiles.find((p) => p.id === id);
}
