import { addDays, type IsoDate } from '../register/dates';

/**
 * iCalendar (RFC 5545) for the register's deadlines, so they can be subscribed to or imported into
 * Outlook or Google Calendar. Each deadline is an all-day event (DTSTART;VALUE=DATE and DTEND the
 * next day, 3.6.1), with a UID that stays the same for the same deadline, so importing a newer file
 * updates events instead of duplicating them. Text is escaped (3.3.11), lines end in CRLF and are
 * folded at 75 octets without splitting a UTF-8 character (3.1).
 */
export interface CalendarEvent {
  /** Stable for the same deadline; made into the UID. */
  id: string;
  date: IsoDate;
  summary: string;
  description?: string;
  categories?: readonly string[];
}

export interface CalendarOptions {
  name: string;
  /** When the file was made (DTSTAMP of every event). */
  generatedAt: Date;
  /** The domain part of UIDs; identifies the producer. */
  uidDomain?: string;
}

/** TEXT value escaping: backslash, semicolon and comma are escaped; line breaks become \n. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation line holds 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const dateValue = (date: IsoDate): string => date.replace(/-/g, '');
const utcStamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
/** UIDs may contain only safe characters; ids are record kinds and UUIDs, but be strict anyway. */
const uidPart = (id: string): string => id.replace(/[^A-Za-z0-9._:-]/g, '-');

export function toICalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const domain = options.uidDomain ?? 'custodian.local';
  const stamp = utcStamp(options.generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Custodian//Register deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidPart(event.id)}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(event.date)}`,
      `DTEND;VALUE=DATE:${dateValue(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      ...(event.categories && event.categories.length > 0 ? [`CATEGORIES:${event.categories.map(escapeText).join(',')}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
