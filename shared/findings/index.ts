import { compareNullableDates, compareStrings } from '../register/compare';
import type { IsoDate } from '../register/dates';
import { createDeadlineCalculator } from '../register/destruction-deadline';
import { severities, type Finding, type FindingCode } from '../register/findings';
import { indexRegister, type RegisterIndex } from '../register/register-index';
import type { RegisterContent } from '../register/snapshot';
import { noFacts, type FindingRule, type FindingsFacts } from './finding-rule';
import { assuranceExpired } from './rules/assurance-expired';
import { certificateMissing } from './rules/certificate-missing';
import { copyAtUnapprovedLocation } from './rules/copy-at-unapproved-location';
import { destructionOverdue } from './rules/destruction-overdue';
import { dsaExpiredDataHeld } from './rules/dsa-expired-data-held';
import { dsaExpiring } from './rules/dsa-expiring';
import { dsaVersionGap } from './rules/dsa-version-gap';
import { dsfcMissing } from './rules/dsfc-missing';
import { dsptImprovementPlan } from './rules/dspt-improvement-plan';
import { icoRegistrationExpired } from './rules/ico-registration-expired';
import { locationOutsideTerritory } from './rules/location-outside-territory';
import { obligationOverdue } from './rules/obligation-overdue';
import { operatorNotParty } from './rules/operator-not-party';
import { termExceedsMaximum } from './rules/term-exceeds-maximum';
import { undeclaredSubprocessor } from './rules/undeclared-subprocessor';

/**
 * One rule per finding code. Typed as a record over every code, so adding a code to findings.ts
 * without a rule fails the build. Each rule's file says what it checks and why its severity is what
 * it is.
 */
export const findingRules: Record<FindingCode, FindingRule> = {
  DSA_EXPIRING: dsaExpiring,
  DSA_VERSION_GAP: dsaVersionGap,
  DSA_EXPIRED_DATA_HELD: dsaExpiredDataHeld,
  DESTRUCTION_OVERDUE: destructionOverdue,
  CERTIFICATE_MISSING: certificateMissing,
  COPY_AT_UNAPPROVED_LOCATION: copyAtUnapprovedLocation,
  LOCATION_OUTSIDE_TERRITORY: locationOutsideTerritory,
  OPERATOR_NOT_PARTY: operatorNotParty,
  DSFC_MISSING: dsfcMissing,
  ASSURANCE_EXPIRED: assuranceExpired,
  ICO_REGISTRATION_EXPIRED: icoRegistrationExpired,
  OBLIGATION_OVERDUE: obligationOverdue,
  TERM_EXCEEDS_MAXIMUM: termExceedsMaximum,
  UNDECLARED_SUBPROCESSOR: undeclaredSubprocessor,
  DSPT_IMPROVEMENT_PLAN: dsptImprovementPlan,
};

/**
 * The register's compliance findings on `asOf`: high first, then by due date (undated last), then
 * by code and id. The same register gives the same findings in the same order whatever order its
 * records arrive in. Archived records, and records hanging from archived ones, are ignored.
 */
export function computeFindings(register: RegisterContent, asOf: IsoDate, facts: FindingsFacts = noFacts): Finding[] {
  return computeFindingsIn(indexRegister(register), asOf, facts);
}

export function computeFindingsIn(index: RegisterIndex, asOf: IsoDate, facts: FindingsFacts = noFacts): Finding[] {
  const context = { index, asOf, deadlineOf: createDeadlineCalculator(index), facts };
  const findings = Object.values(findingRules).flatMap((rule) => rule(context));
  // A register whose approvals are not yet entered has a finding per copy (100,000): sort on one
  // precomputed string per finding, the same order as compareFindings, rather than calling it
  // 1.7 million times.
  const keyed = findings.map((finding) => ({ key: sortKey(finding), finding }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.finding);
}

/** Severity rank, due date (undated last: "~" sorts after every digit), code, then id. */
const sortKey = (f: Finding): string => `${severityRank.get(f.severity)}${f.dueDate ?? '~'}${f.code}\u0000${f.id}`;

const severityRank = new Map(severities.map((s, i) => [s, i]));

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank.get(a.severity)! - severityRank.get(b.severity)! ||
    compareNullableDates(a.dueDate, b.dueDate) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.id, b.id)
  );
}
