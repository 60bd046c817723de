import { daysBetween } from '../../register/dates';
import { formatDate, plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import { makeFinding, type FindingRule } from '../finding-rule';

/** How far ahead an ending agreement is reported, and when it becomes urgent (the issue fixes both). */
export const EXPIRING_WITHIN_DAYS = 90;
export const EXPIRING_URGENT_WITHIN_DAYS = 30;

/**
 * DSA_EXPIRING: an active version ends within 90 days (today included) and no renewal has been
 * agreed (a draft successor does not count: it is not yet an agreement). High within 30 days, when a
 * DARS renewal can no longer be expected in time; medium before that.
 */
export const dsaExpiring: FindingRule = ({ index, asOf }) =>
  [...index.versions.values()]
    .filter((v) => v.status === 'active' && !index.successorOf.has(v.id))
    .flatMap((version) => {
      const daysLeft = daysBetween(asOf, version.endDate);
      if (daysLeft < 0 || daysLeft > EXPIRING_WITHIN_DAYS) return [];
      const when = daysLeft === 0 ? 'today' : `on ${formatDate(version.endDate)} (in ${plural(daysLeft, 'day')})`;
      return [
        makeFinding('DSA_EXPIRING', {
          key: [version.id],
          severity: daysLeft <= EXPIRING_URGENT_WITHIN_DAYS ? 'high' : 'medium',
          title: `${versionLabel(index, version)} ends ${when} and no renewal is recorded`,
          action: 'Apply to NHS England (DARS) to renew or extend the agreement and record the new version, or plan the destruction of its data.',
          subjects: [refs.version(index, version)],
          dueDate: version.endDate,
        }),
      ];
    });
