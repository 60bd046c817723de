import { describe, expect, it } from 'vitest';
import { formatZoned, localDateIn, localInputValue, offsetLabel, utcInstantSchema, zonedFromLocal, zonedTimeSchema } from '../../../shared/incidents/zoned-time';

describe('moments with their time zone', () => {
  it('turns the wall clock of a zone into the UTC instant, in winter and in summer', () => {
    expect(zonedFromLocal('2026-01-15T09:00', 'Europe/London')).toEqual({ at: '2026-01-15T09:00:00.000Z', timeZone: 'Europe/London' });
    expect(zonedFromLocal('2026-07-15T09:00', 'Europe/London')).toEqual({ at: '2026-07-15T08:00:00.000Z', timeZone: 'Europe/London' });
    expect(zonedFromLocal('2026-07-15T09:00', 'America/New_York')!.at).toBe('2026-07-15T13:00:00.000Z');
  });

  it('moves a time the spring change skips forward by the gap, and shows the offset it chose', () => {
    const skipped = zonedFromLocal('2026-03-29T01:30', 'Europe/London')!;
    expect(localInputValue(skipped)).toBe('2026-03-29T02:30');
    expect(offsetLabel(skipped)).toBe('BST, UTC+01:00');
  });

  it('takes a time the autumn change repeats at a definite instant, and round-trips what it shows', () => {
    const repeated = zonedFromLocal('2026-10-25T01:30', 'Europe/London')!;
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(repeated.at);
    expect(localInputValue(repeated)).toBe('2026-10-25T01:30');
  });

  it('refuses what is not a time or not a zone', () => {
    expect(zonedFromLocal('27/03/2026 10:00', 'Europe/London')).toBeNull();
    expect(zonedFromLocal('2026-03-27T10:00', 'Mars/Olympus_Mons')).toBeNull();
    expect(zonedTimeSchema.safeParse({ at: '2026-03-27T10:00:00Z', timeZone: 'Europe/Londn' }).error?.issues[0]?.message).toBe(
      'must be an IANA time zone such as Europe/London',
    );
    expect(utcInstantSchema.safeParse('2026-03-27T10:00:00+01:00').success).toBe(false);
    expect(utcInstantSchema.safeParse('2026-02-30T10:00:00Z').success).toBe(false);
    expect(utcInstantSchema.parse('2026-03-27T10:00:00Z')).toBe('2026-03-27T10:00:00.000Z');
  });

  it('formats a moment on its own clock, and finds its calendar date there', () => {
    expect(formatZoned({ at: '2026-06-30T23:30:00.000Z', timeZone: 'Europe/London' })).toBe('1 July 2026, 00:30 BST');
    expect(localDateIn('2026-06-30T23:30:00.000Z', 'Europe/London')).toBe('2026-07-01');
    expect(formatZoned({ at: '2026-06-30T23:30:00.000Z', timeZone: 'UTC' })).toBe('30 June 2026, 23:30 UTC');
  });
});
