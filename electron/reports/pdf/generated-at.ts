/** UK time: what NHS England and the organisation's auditors read a document's timestamp in. */
export const defaultReportTimeZone = 'Europe/London';

/** "12 June 2025 at 14:05 BST": the moment a document was generated, with its time zone named. */
export function formatGeneratedAt(at: Date, timeZone: string = defaultReportTimeZone): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(at);
}
