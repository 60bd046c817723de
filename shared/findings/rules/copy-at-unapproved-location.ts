import { formatDate } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import type { ApprovedLocation, Copy, Location } from '../../register/records';
import type { RegisterIndex } from '../../register/register-index';
import { copyKinds, rolesAllowingCopyKind } from '../../register/vocabulary';
import { makeFinding, type FindingRule } from '../finding-rule';
import { placementCopies, placements, type Placement } from '../placements';

type CopyKind = Copy['kind'];

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
  for (const placement of placements(context)) {
    const approvals = index.approvalsByVersionLocation.get(placement.version.id)?.get(placement.location.id) ?? [];
    // Whether a kind of copy is approved here, and if not why, is the same for every copy of that
    // kind in the placement: decided once per kind, and copies are listed only for a kind at fault.
    for (let kindIndex = 0; kindIndex < copyKinds.length; kindIndex++) {
      if ((placement.kinds & (1 << kindIndex)) === 0) continue;
      const kind = copyKinds[kindIndex]!;
      const problem = problemWith(kind, placement, approvals, asOf, index);
      if (problem === null) continue;
      const version = refs.version(index, placement.version);
      const location = refs.location(placement.location);
      for (const copy of placementCopies(context, placement, kindIndex)) {
        const ref = refs.copy(index, copy);
        findings.push(
          makeFinding('COPY_AT_UNAPPROVED_LOCATION', {
            key: [copy.id],
            severity: 'high',
            title: `${ref.label}: ${problem}`,
            action: `Move or destroy the copy, or have NHS England (DARS) amend the agreement to approve ${placement.location.name} for ${rolesAllowingCopyKind[kind].join(' or ')} before data is held there.`,
            subjects: [ref, location, version],
            dueDate: null,
          }),
        );
      }
    }
  }
  return findings;
};

/** Null when a copy of this kind is approved at the placement on the date; otherwise what is wrong. */
function problemWith(kind: CopyKind, placement: Placement, approvals: readonly ApprovedLocation[], asOf: string, index: RegisterIndex): string | null {
  const allowed = rolesAllowingCopyKind[kind];
  const rightRole = approvals.filter((a) => allowed.includes(a.role));
  if (rightRole.some((a) => coversDate(a, asOf))) return null;
  return describeProblem(versionLabel(index, placement.version), kind, placement.location, approvals, rightRole);
}

const coversDate = (a: ApprovedLocation, asOf: string): boolean => (a.approvedFrom === null || a.approvedFrom <= asOf) && (a.approvedTo === null || asOf <= a.approvedTo);

const copyKindWords: Record<CopyKind, string> = {
  primary: 'a primary copy',
  backup: 'a backup copy',
  derived: 'a derived copy',
  'processor-copy': 'a processor copy',
};

/** Says which of the three ways the copy is unapproved, so the user knows what to fix. */
function describeProblem(agreement: string, kind: CopyKind, location: Location, approvals: readonly ApprovedLocation[], rightRole: readonly ApprovedLocation[]): string {
  const where = `${location.name} is`;
  if (approvals.length === 0) return `${where} not an approved location of ${agreement}`;
  if (rightRole.length === 0) {
    const roles = [...new Set(approvals.map((a) => a.role))].sort().join(' and ');
    return `${where} approved by ${agreement} only for ${roles}, which does not allow ${copyKindWords[kind]}`;
  }
  const periods = rightRole.map((a) => [a.approvedFrom && `from ${formatDate(a.approvedFrom)}`, a.approvedTo && `to ${formatDate(a.approvedTo)}`].filter(Boolean).join(' '));
  return `${where} approved by ${agreement} only ${periods.join(', and ')}`;
}
