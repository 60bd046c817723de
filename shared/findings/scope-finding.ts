import type { Finding } from '../register/findings';
import { isUnboundControllerFinding, unboundControllerTitle } from './rules/dsfc-missing';

/**
 * Records shared between agreements, which a finding in one agreement's report may still name: the
 * organisation without an assurance, the location a copy is at, the DSFC a version cites.
 */
const sharedKinds: ReadonlySet<string> = new Set(['organisation', 'location', 'dsfc', 'assurance']);

/**
 * A finding as one agreement's audit report tells it: only the part that concerns this agreement.
 * Some findings span agreements (a controller without a current DSPT names every active version it
 * is party to; a controller without a DSFC lists them in its title). The report goes to an NHS
 * England auditor for this agreement only, so it keeps the subjects that are this agreement's own
 * records or shared ones, and words the title and action without any other record it named.
 *
 * `ownIds`: agreementRecordIds of the agreement. The finding must concern it (concernsAgreement).
 */
export function scopeFindingToAgreement(finding: Finding, ownIds: ReadonlySet<string>): Finding {
  const kept = finding.subjects.filter((s) => ownIds.has(s.id) || sharedKinds.has(s.kind));
  if (kept.length === finding.subjects.length) return finding;
  const dropped = finding.subjects.filter((s) => !kept.includes(s));
  let title = finding.title;
  if (isUnboundControllerFinding(finding)) {
    const organisation = kept.find((s) => s.kind === 'organisation');
    if (organisation) title = unboundControllerTitle(organisation.label, kept.filter((s) => s.kind === 'dsaVersion').map((s) => s.label));
  }
  return { ...finding, title: withoutLabels(title, dropped), action: withoutLabels(finding.action, dropped), subjects: kept };
}

const standIns: Record<string, string> = {
  dsa: 'another agreement',
  dsaVersion: 'another agreement',
  holding: "another agreement's holding",
  copy: "another agreement's copy",
};

/**
 * The last line of defence: a rule whose title names another agreement's record (a renewal recorded
 * across two DSAs, a rule added later) still discloses nothing; its label becomes a neutral phrase.
 * Longest labels first, so "…-V2H1F v4.2" is replaced whole rather than leaving "v4.2" behind.
 */
function withoutLabels(text: string, dropped: readonly Finding['subjects'][number][]): string {
  let result = text;
  for (const subject of [...dropped].sort((a, b) => b.label.length - a.label.length)) {
    if (subject.label !== '') result = result.split(subject.label).join(standIns[subject.kind] ?? 'another record');
  }
  return result;
}
