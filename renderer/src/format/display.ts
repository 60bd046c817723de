import type { RecordKind } from '../../../shared/register/records';
import { formatDate } from '../../../shared/register/format-date';
import { isRealDate } from '../../../shared/register/dates';

/**
 * How stored values read on screen. Vocabulary values from NHS England's Data Uses Register
 * ("Pseudonymised", "One-Off") are shown as they are; the register's own words
 * ("on-premises-server") get a readable form. Stored values never change, only their display.
 */
const valueLabels: Record<string, string> = {
  'on-premises-server': 'On-premises server',
  'cloud-region': 'Cloud region',
  'trusted-research-environment': 'Trusted research environment',
  'disaster-recovery': 'Disaster recovery',
  'end-user-device': 'End-user device',
  'paper-store': 'Paper store',
  'remote-access': 'Remote access',
  derived: 'Derived extract',
  'processor-copy': 'Processor copy',
  'special-condition': 'Special condition',
  'annual-confirmation': 'Annual confirmation',
  'improvement-plan': 'Improvement plan',
  'in-progress': 'In progress',
  none: 'Does not repeat',
  controller: 'Controller',
  processor: 'Processor',
  sole: 'Sole controller',
  joint: 'Joint controller',
  ISO27001: 'ISO 27001',
  DSPT: 'DSPT',
  'days-after-end': 'Days after the version ends',
  'fixed-date': 'By a fixed date',
  rolling: 'Rolling, per data year',
};

export function displayValue(value: string): string {
  return valueLabels[value] ?? (/^[a-z]/.test(value) ? value[0]!.toUpperCase() + value.slice(1).replaceAll('-', ' ') : value);
}

export const kindNouns: Record<RecordKind, string> = {
  organisation: 'organisation',
  assurance: 'security assurance',
  dsfc: 'DSFC',
  dsa: 'DSA',
  dsaVersion: 'DSA version',
  dataset: 'dataset',
  location: 'location',
  approvedLocation: 'location approval',
  holding: 'holding',
  copy: 'copy',
  obligation: 'obligation',
  certificate: 'certificate of destruction',
};

export const capitalise = (text: string): string => (text ? text[0]!.toUpperCase() + text.slice(1) : text);

/** "31 March 2026" for a stored date; an em dash for none. */
export const showDate = (date: string | null | undefined): string => (date && isRealDate(date) ? formatDate(date) : '—');

export const showNumber = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value.toLocaleString('en-GB'));

export const showText = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : value);

/** A destruction rule as a sentence: "Within 30 days after the version ends". */
export function describeDestructionRule(rule: { kind: string; days?: number; date?: string; weeks?: number } | null | undefined): string {
  if (!rule) return '—';
  if (rule.kind === 'days-after-end') return `Within ${rule.days} day${rule.days === 1 ? '' : 's'} after the version ends`;
  if (rule.kind === 'fixed-date') return `By ${showDate(rule.date)}`;
  return `Each data year within ${rule.weeks} week${rule.weeks === 1 ? '' : 's'} of receiving the next`;
}
