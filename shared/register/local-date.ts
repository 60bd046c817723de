import type { IsoDate } from './dates';

/**
 * The calendar date on the user's own clock. Deadlines are days in the user's working week, so
 * "today" must not flip at midnight UTC (in British Summer Time that would be 1 a.m.).
 */
export function localIsoDate(moment: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
