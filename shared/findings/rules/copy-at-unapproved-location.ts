import { formatDate } from '../../register/format-date';
import { refs, type RecordRef } from '../../register/record-labels';
import type { ApprovedLocation } from '../../register/records';
import { rolesAllowingCopyKind } from '../../register/vocabulary';
import { makeFinding, type FindingRule } from '../finding-rule';
import { liveCopies, type LiveCopy } from '../live-copies';

/**
 * COPY_AT_UNAPPROVED_LOCATION: a live copy sits at a location that the version it is held under does
 * not approve on the as-of date: no approval at all, approval only for roles that do not allow the
 * copy's kind (a backup needs a backup or storage approval, see rolesAllowingCopyKind), or an
 * approval whose dates do not cover the date. High: holding data at an undeclared location is the
 * breach NHS England's audits find most often.
 */
export const copyAtUnapprovedLocation: FindingRule = (context) => {
  const { index, asOf } = context;
  const findings = [];
  // A register whose approvals are not entered yet has a finding here for every copy: name each
  // version and location once, not once per copy.
  const versionRefs = new Map<string, RecordRef>();
  const locationRefs = new Map<string, RecordRef>();
  for (const live of liveCopies(context)) {
    const approvals = index.approvalsByVersionLocation.get(live.version.id)?.get(live.location.id) ?? [];
    const allowed = rolesAllowingCopyKind[live.copy.kind];
    // The common case, a copy properly approved, allocates nothing: this loop runs for every live copy.
    if (approvals.some((a) => allowed.includes(a.role) && coversDate(a, asOf))) continue;
    const rightRole = approvals.filter((a) => allowed.includes(a.role));
    let version = versionRefs.get(live.version.id);
    if (!version) versionRefs.set(live.version.id, (version = refs.version(index, live.version)));
    let location = locationRefs.get(live.location.id);
    if (!location) locationRefs.set(live.location.id, (location = refs.location(live.location)));
    const copy = refs.copy(index, live.copy);
    findings.push(
      makeFinding('COPY_AT_UNAPPROVED_LOCATION', {
        key: [live.copy.id],
        severity: 'high',
        title: `${copy.label}: ${problem(version.label, live, approvals, rightRole)}`,
        action: `Move or destroy the copy, or have NHS England (DARS) amend the agreement to approve ${live.location.name} for ${allowed.join(' or ')} before data is held there.`,
        subjects: [copy, location, version],
        dueDate: null,
      }),
    );
  }
  return findings;
};

const coversDate = (a: ApprovedLocation, asOf: string): boolean => (a.approvedFrom === null || a.approvedFrom <= asOf) && (a.approvedTo === null || asOf <= a.approvedTo);

const copyKindWords: Record<LiveCopy['copy']['kind'], string> = {
  primary: 'a primary copy',
  backup: 'a backup copy',
  derived: 'a derived copy',
  'processor-copy': 'a processor copy',
};

/** Says which of the three ways the copy is unapproved, so the user knows what to fix. */
function problem(agreement: string, live: LiveCopy, approvals: readonly ApprovedLocation[], rightRole: readonly ApprovedLocation[]): string {
  const where = `${live.location.name} is`;
  if (approvals.length === 0) return `${where} not an approved location of ${agreement}`;
  if (rightRole.length === 0) {
    const roles = [...new Set(approvals.map((a) => a.role))].sort().join(' and ');
    return `${where} approved by ${agreement} only for ${roles}, which does not allow ${copyKindWords[live.copy.kind]}`;
  }
  const periods = rightRole.map((a) => [a.approvedFrom && `from ${formatDate(a.approvedFrom)}`, a.approvedTo && `to ${formatDate(a.approvedTo)}`].filter(Boolean).join(' '));
  return `${where} approved by ${agreement} only ${periods.join(', and ')}`;
}
