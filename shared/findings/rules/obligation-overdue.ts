import { formatDate } from '../../register/format-date';
import { obligationLabel, refs } from '../../register/record-labels';
import type { Obligation } from '../../register/records';
import type { Severity } from '../../register/findings';
import { makeFinding, type FindingRule } from '../finding-rule';

/**
 * OBLIGATION_OVERDUE: an open or in-progress obligation is past its due date. Medium for special
 * conditions (NHS England audits them one by one) and improvement plans (a DSPT below Standards Met
 * counts only while its plan is kept); low for other duties (renewal reminders, annual
 * confirmations, other), which other findings cover when they matter.
 */
export const obligationOverdue: FindingRule = ({ index, asOf }) =>
  [...index.obligations.values()]
    .filter((o) => (o.status === 'open' || o.status === 'in-progress') && o.dueDate !== null && o.dueDate < asOf)
    .map((obligation) => {
      const version = obligation.versionId === null ? undefined : index.versions.get(obligation.versionId);
      const organisation = obligation.organisationId === null ? undefined : index.organisations.get(obligation.organisationId);
      return makeFinding('OBLIGATION_OVERDUE', {
        key: [obligation.id],
        severity: severityOf(obligation),
        title: `${kindLabels[obligation.kind]} overdue since ${formatDate(obligation.dueDate!)}: ${obligationLabel(obligation)}`,
        action: 'Complete it and record the evidence, or agree a new date with NHS England (DARS) and update the due date.',
        subjects: [refs.obligation(obligation), ...(version ? [refs.version(index, version)] : []), ...(organisation ? [refs.organisation(organisation)] : [])],
        dueDate: obligation.dueDate,
      });
    });

const kindLabels: Record<Obligation['kind'], string> = {
  'special-condition': 'Special condition',
  renewal: 'Renewal',
  'annual-confirmation': 'Annual confirmation',
  'improvement-plan': 'Improvement plan',
  other: 'Obligation',
};

const severityOf = (o: Obligation): Severity => (o.kind === 'special-condition' || o.kind === 'improvement-plan' ? 'medium' : 'low');
