/**
 * A `datetime-local` input's value ("2026-03-01T14:30") as ISO 8601 with the user's UTC offset
 * ("2026-03-01T14:30:00+00:00" in winter in the UK, "+01:00" in summer), so the register keeps the
 * moment the operator meant, not a time that silently shifts by an hour.
 */
export function withLocalOffset(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value;
  const offset = -new Date(`${value}:00`).getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2 November 2026 at 10:15" from an ISO date and time, as recorded (not converted). */
export function showDateTime(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return value;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]} at ${match[4]}`;
}
