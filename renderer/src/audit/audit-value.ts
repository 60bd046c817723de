import { formatZoned } from '../../../shared/incidents/zoned-time';
import { isRealDate } from '../../../shared/register/dates';
import { showDate } from '../format/display';

/** The user's own zone: a recorded moment is shown on their clock, with the zone named. */
export const userTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "1 June 2026, 11:00 BST": how the app writes a moment (the Incidents screen's form, shared/incidents/zoned-time.ts). */
export const showMoment = (at: string): string => formatZoned({ at: new Date(at).toISOString(), timeZone: userTimeZone });

const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A value in an audit entry's diff as the screens show it: a reference as the record's name, a
 * date as "31 May 2026", a moment as "1 June 2026, 11:00 BST"; anything else as written.
 */
export function auditValueText(value: string, labels: Readonly<Record<string, string>>): string {
  const label = labels[value];
  if (label !== undefined) return label;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value)) return showDate(value);
  if (isoMoment.test(value) && !Number.isNaN(Date.parse(value))) return showMoment(value);
  return value;
}
