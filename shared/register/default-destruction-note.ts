import { formatDate } from './format-date';
import type { DestructionRule } from './records';

/**
 * What a version that relies on the organisation's default destruction rule says beside its rule
 * (issue 14): "default: 30 days after end; the DSFC governs the real period". The default is a
 * working assumption: the period that binds is the one in the Data Sharing Framework Contract.
 */
export function defaultDestructionNote(rule: DestructionRule): string {
  return `default: ${shortRule(rule)}; the DSFC governs the real period`;
}

function shortRule(rule: DestructionRule): string {
  if (rule.kind === 'days-after-end') return `${rule.days} day${rule.days === 1 ? '' : 's'} after end`;
  if (rule.kind === 'fixed-date') return `by ${formatDate(rule.date)}`;
  return `${rule.weeks} week${rule.weeks === 1 ? '' : 's'} after the next data year`;
}
