import { formatDate, plural } from '../../register/format-date';
import { refs } from '../../register/record-labels';
import { byId } from '../../register/register-index';
import { makeFinding, type FindingRule } from '../finding-rule';
import { liveHoldings } from '../live-holdings';

/**
 * DESTRUCTION_OVERDUE: a holding's destruction deadline has passed and copies are still live. High:
 * holding data beyond the agreed date breaches the DSA. The deadline day itself is not yet overdue.
 */
export const destructionOverdue: FindingRule = (context) =>
  liveHoldings(context)
    .filter((live) => live.deadline !== null && live.deadline < context.asOf)
    .map(({ holding, liveCopies, deadline }) => {
      const holdingRef = refs.holding(context.index, holding);
      // Most overdue holdings keep one forgotten copy: sort only when there is an order to fix.
      const copies = liveCopies.length > 1 ? [...liveCopies].sort(byId) : liveCopies;
      return makeFinding('DESTRUCTION_OVERDUE', {
        key: [holding.id],
        severity: 'high',
        title: `${holdingRef.label} was due for destruction on ${formatDate(deadline!)} and ${plural(liveCopies.length, 'copy', 'copies')} remain`,
        action: 'Destroy the remaining copies now, record each destruction, and tell NHS England (DARS) the data was held past its deadline.',
        subjects: [holdingRef, ...copies.map((c) => refs.copy(context.index, c))],
        dueDate: deadline,
      });
    });
