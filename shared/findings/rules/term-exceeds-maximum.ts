import { addDays, daysBetween } from '../../register/dates';
import { formatDate, plural } from '../../register/format-date';
import { refs, versionLabel } from '../../register/record-labels';
import type { DsaVersion } from '../../register/records';
import { makeFinding, type FindingRule } from '../finding-rule';
import { termLimitsYears } from '../term-limits';

/** The limit that applies to a version, and why: the shortest that its flags call for. */
export function termLimitOf(version: DsaVersion): { years: number; because: string } {
  if (version.commercial || version.sublicensing) {
    return { years: termLimitsYears.commercialOrSublicensed, because: version.commercial ? 'for commercial purposes' : 'with sub-licensing' };
  }
  if (version.archivingForResearch) return { years: termLimitsYears.archivingForResearch, because: 'for archiving for academic research' };
  return { years: termLimitsYears.standard, because: 'for this kind of agreement' };
}

/** The last day a term of `years` starting on `start` may run to: the day before the anniversary. */
export function lastAllowedDay(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus a year lands on 1 March, which is then the anniversary.
  return addDays(anniversary.toISOString().slice(0, 10), -1);
}

/**
 * TERM_EXCEEDS_MAXIMUM: a version (not a draft, not archived) runs longer than NHS England allows:
 * 3 years, 1 year when commercial or sub-licensed, 5 years for archiving for academic research
 * (term-limits.ts, marked check). Medium: the agreement was signed as it is, so the fix is to ask
 * DARS, but an auditor will ask why.
 */
export const termExceedsMaximum: FindingRule = ({ index }) =>
  [...index.versions.values()]
    .filter((v) => v.status !== 'draft')
    .flatMap((version) => {
      const { years, because } = termLimitOf(version);
      const last = lastAllowedDay(version.startDate, years);
      if (version.endDate <= last) return [];
      const over = daysBetween(last, version.endDate);
      return [
        makeFinding('TERM_EXCEEDS_MAXIMUM', {
          key: [version.id],
          severity: 'medium',
          title: `${versionLabel(index, version)} runs from ${formatDate(version.startDate)} to ${formatDate(version.endDate)}, ${plural(over, 'day')} longer than the ${plural(years, 'year')} NHS England allows ${because}`,
          action: `Check the term with NHS England (DARS): if the agreement is right, record why; if not, ask DARS to correct the end date (the limit is ${plural(years, 'year')}, the last day ${formatDate(last)}).`,
          subjects: [refs.version(index, version)],
          dueDate: null,
        }),
      ];
    });
