import { addDays, daysBetween } from '../../register/dates';
import { formatDate } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import type { Severity } from '../../register/findings';
import { makeFinding, type FindingRule } from '../finding-rule';

/**
 * DSA_VERSION_GAP: a successor version starts more than a day after its predecessor ends, leaving
 * days with no agreement in force. Severity depends on where the gap lies:
 * - high while the date is inside the gap (data is being held with no agreement today);
 * - medium when the gap is still ahead (the new version's dates can still be changed);
 * - low when the gap is past (it needs an explanation for the auditor, not an urgent fix).
 */
export const dsaVersionGap: FindingRule = ({ index, asOf }) => {
  const findings = [];
  for (const [predecessorId, successors] of index.successorsOf) {
    const predecessor = index.versions.get(predecessorId);
    if (!predecessor) continue;
    for (const successor of successors) {
      if (daysBetween(predecessor.endDate, successor.startDate) <= 1) continue;
      const gapFrom = addDays(predecessor.endDate, 1);
      const gapTo = addDays(successor.startDate, -1);
      const severity: Severity = asOf > gapTo ? 'low' : asOf < gapFrom ? 'medium' : 'high';
      findings.push(
        makeFinding('DSA_VERSION_GAP', {
          key: [predecessor.id, successor.id],
          severity,
          title: `No agreement in force from ${formatDate(gapFrom)} to ${formatDate(gapTo)}, between ${versionLabel(index, predecessor)} and ${versionLabel(index, successor)}`,
          action:
            severity === 'low'
              ? 'Record whether any data was processed during the gap and, if it was, report it to NHS England (DARS) as an incident.'
              : 'Ask NHS England (DARS) to align the new version’s start date with the end of the old one, and stop processing while no agreement is in force.',
          subjects: [refs.version(index, predecessor), refs.version(index, successor)],
          dueDate: gapFrom,
        }),
      );
    }
  }
  return findings;
};
