import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import type { IsoDate } from '../register/dates';

/**
 * Moments in an incident (when it happened, when it was found, when the organisation became aware,
 * when a notification went) are stored as a UTC instant plus the IANA time zone the person gave it
 * in. The instant is what clocks are computed from, so a deadline is an absolute duration whatever
 * the clocks on the wall did in between; the zone is how the moment is shown back ("11:00 BST"),
 * so a report says what the person who recorded it saw on their own clock.
 */
export const DEFAULT_TIME_ZONE = 'Europe/London';

export const isValidTimeZone = (name: string): boolean => name.trim() !== '' && IANAZone.isValidZone(name);

export const timeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London');

const utcPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A UTC instant written as ISO 8601 with a Z, normalised to milliseconds ("2026-03-27T10:00:00.000Z"). */
export const utcInstantSchema = z
  .string()
  .regex(utcPattern, 'must be a UTC time written like 2026-03-27T10:00:00Z')
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 19) === value.slice(0, 19), 'is not a real time')
  .transform((value) => new Date(value).toISOString());

export const zonedTimeSchema = z.strictObject({ at: utcInstantSchema, timeZone: timeZoneSchema });
export type ZonedTime = z.infer<typeof zonedTimeSchema>;

/** The instant on the clock of its zone, with British English names (BST, GMT, March). */
const onItsClock = (time: ZonedTime): DateTime => DateTime.fromISO(time.at, { zone: 'utc' }).setZone(time.timeZone).setLocale('en-GB');

/** Milliseconds since the epoch of a stored instant. */
export const instantMs = (at: string): number => Date.parse(at);

export const addHours = (at: string, hours: number): string => new Date(Date.parse(at) + hours * 3_600_000).toISOString();

/**
 * The instant a wall-clock time ("2026-03-29T01:30", as a datetime-local input gives it) means in a
 * zone, or null if the text is not a time. A time that does not exist because the clocks went
 * forward is moved forward by the gap, as a person reading the clock after the change would; a time
 * that happens twice when the clocks go back is taken at its first occurrence. The form shows the
 * offset it chose next to the field, so the person can see which one was meant.
 */
export function zonedFromLocal(local: string, timeZone: string): ZonedTime | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local) || !isValidTimeZone(timeZone)) return null;
  const moment = DateTime.fromISO(local, { zone: timeZone });
  if (!moment.isValid) return null;
  return { at: moment.toUTC().toISO({ suppressMilliseconds: false })!, timeZone };
}

/** The wall-clock time of an instant in its zone, as a datetime-local input wants it ("2026-03-29T03:30"). */
export function localInputValue(time: ZonedTime): string {
  return onItsClock(time).toFormat("yyyy-LL-dd'T'HH:mm");
}


/** "27 March 2026, 10:00 GMT": how every screen, report and log writes a moment. */
export function formatZoned(time: ZonedTime): string {
  const moment = onItsClock(time);
  return `${moment.toFormat('d LLLL yyyy, HH:mm')} ${zoneAbbreviation(moment)}`;
}

/** "BST", "GMT", or "UTC+02:00" where the zone has no abbreviation English readers know. */
function zoneAbbreviation(moment: DateTime): string {
  const named = moment.offsetNameShort ?? '';
  if (/^[A-Z]{2,5}$/.test(named)) return named;
  return moment.offset === 0 ? 'UTC' : `UTC${moment.toFormat('ZZ')}`;
}

/** "UTC+01:00": the offset an instant has in its zone, shown beside a time input. */
export function offsetLabel(time: ZonedTime): string {
  const moment = onItsClock(time);
  return `${zoneAbbreviation(moment)}, UTC${moment.toFormat('ZZ')}`;
}

/** The calendar date of an instant on the clock of a zone. */
export function localDateIn(at: string, timeZone: string): IsoDate {
  return onItsClock({ at, timeZone }).toISODate()!;
}

/** The zone's own name is shown to people; a short list of common choices for the form's picker. */
export const commonTimeZones = [
  'Europe/London',
  'UTC',
  'Europe/Dublin',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Sydney',
] as const;
