import { formatDate, plural } from '../../register/format-date';
import { refs } from '../../register/record-labels';
import type { Copy } from '../../register/records';
import { byId } from '../../register/register-index';
import { makeFinding, type FindingRule } from '../finding-rule';
import { liveHoldings } from '../live-holdings';

/**
 * DESTRUCTION_OVERDUE: a holding's destruction deadline has passed and copies are still live. High:
 * holding data beyond the agreed date breaches the DSA. The deadline day itself is not yet overdue.
 * A copy kept under a recorded dated exception (FindingsFacts) is not overdue until the day after the
 * exception's end date: the certificate told NHS England when it will go.
 */
export const destructionOverdue: FindingRule = (context) => {
  const { asOf, facts } = context;
  const outstanding = (copy: Copy): boolean => {
    const until = facts.retainedUntil.get(copy.id);
    return until === undefined || until < asOf;
  };
  const findings = [];
  for (const { holding, liveCopies, deadline } of liveHoldings(context)) {
    if (deadline === null || deadline >= asOf) continue;
    const remaining = facts.retainedUntil.size === 0 ? liveCopies : liveCopies.filter(outstanding);
    if (remaining.length === 0) continue;
    const holdingRef = refs.holding(context.index, holding);
    // Most overdue holdings keep one forgotten copy: sort only when there is an order to fix.
    const copies = remaining.length > 1 ? [...remaining].sort(byId) : remaining;
    findings.push(
      makeFinding('DESTRUCTION_OVERDUE', {
        key: [holding.id],
        severity: 'high',
        title: `${holdingRef.label} was due for destruction on ${formatDate(deadline)} and ${plural(remaining.length, 'copy', 'copies')} remain`,
        action: 'Destroy the remaining copies now, record each destruction, and tell NHS England (DARS) the data was held past its deadline.',
        subjects: [holdingRef, ...copies.map((c) => refs.copy(context.index, c))],
        dueDate: deadline,
      }),
    );
  }
  return findings;
};
