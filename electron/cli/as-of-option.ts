import { isoDate, type IsoDate } from '../../shared/register/dates';
import { localIsoDate } from '../../shared/register/local-date';
import { CliError } from './cli-error';

export const AS_OF_FLAGS = '--as-of <YYYY-MM-DD>';
export const AS_OF_HELP = 'judge the register on this date (default: today)';

/** The `--as-of` date, or today; a malformed or impossible date is bad input (exit 2). */
export function parseAsOf(value: string | undefined, now: Date): IsoDate {
  if (value === undefined) return localIsoDate(now);
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) throw new CliError(`--as-of "${value}" ${parsed.error.issues[0]?.message ?? 'is not a date'} (for example 2026-06-01)`, 2);
  return parsed.data;
}
