import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockState, deadlineFor, describeClock, formatDuration, latenessOf, requiredNotifications } from '../../../shared/incidents/notification-clocks';
import { formatZoned, zonedFromLocal } from '../../../shared/incidents/zoned-time';
import { assessment, incident, london, notification } from '../../helpers/incident-fixtures';

const settings = { darsTargetHours: 24 };
const HOUR = 3_600_000;
const icoOf = (i: ReturnType<typeof incident>) => requiredNotifications(i, settings).find((r) => r.recipient === 'ico')!;

describe('the ICO clock: 72 hours from becoming aware, as an absolute duration', () => {
  it('spans the spring change (last Sunday of March, Europe/London): the deadline reads 11:00 BST, 73 wall-clock hours later', () => {
    // Friday 27 March 2026 10:00 GMT; the clocks go forward at 01:00 GMT on Sunday 29 March.
    const aware = zonedFromLocal('2026-03-27T10:00', 'Europe/London')!;
    expect(aware.at).toBe('2026-03-27T10:00:00.000Z');
    const deadline = deadlineFor(incident({}, { becameAwareAt: aware }), settings, 'ico')!;
    expect(Date.parse(deadline) - Date.parse(aware.at)).toBe(72 * HOUR);
    expect(deadline).toBe('2026-03-30T10:00:00.000Z');
    expect(formatZoned({ at: deadline, timeZone: 'Europe/London' })).toBe('30 March 2026, 11:00 BST');
  });

  it('spans the autumn change (last Sunday of October, Europe/London): the deadline reads 09:00 GMT, 71 wall-clock hours later', () => {
    // Friday 23 October 2026 10:00 BST; the clocks go back at 02:00 BST on Sunday 25 October.
    const aware = zonedFromLocal('2026-10-23T10:00', 'Europe/London')!;
    expect(aware.at).toBe('2026-10-23T09:00:00.000Z');
    const deadline = deadlineFor(incident({}, { becameAwareAt: aware }), settings, 'ico')!;
    expect(Date.parse(deadline) - Date.parse(aware.at)).toBe(72 * HOUR);
    expect(formatZoned({ at: deadline, timeZone: 'Europe/London' })).toBe('26 October 2026, 09:00 GMT');
  });

  it('is exactly 72 hours after any moment in any zone (property)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (moment, timeZone) => {
        const aware = { at: moment.toISOString(), timeZone };
        const deadline = deadlineFor(incident({}, { becameAwareAt: aware }), settings, 'ico')!;
        expect(Date.parse(deadline) - moment.getTime()).toBe(72 * HOUR);
      }),
    );
  });

  it('runs until one millisecond before the deadline and is overdue from the deadline on', () => {
    const required = icoOf(incident());
    const deadline = Date.parse(required.deadline!);
    expect(clockState(required, new Date(deadline - 1))).toEqual({ kind: 'running', msLeft: 1 });
    expect(clockState(required, new Date(deadline))).toEqual({ kind: 'overdue', msOver: 0 });
    expect(describeClock(required, clockState(required, new Date(deadline + 5 * HOUR)), 'Europe/London')).toBe(
      'ICO (through the DSPT): OVERDUE by 5 hours (was due 30 March 2026, 11:00 BST)',
    );
  });

  it('stops when the ICO notification is logged, and says whether it was late', () => {
    const onTime = icoOf(incident({ notifications: [notification('ico', '2026-03-29T18:00:00Z')] }));
    expect(clockState(onTime, new Date('2026-04-10T00:00:00Z'))).toEqual({ kind: 'sent-on-time' });
    const late = icoOf(incident({ notifications: [notification('ico', '2026-03-30T13:00:00Z')] }));
    expect(clockState(late, new Date('2026-04-10T00:00:00Z'))).toEqual({ kind: 'sent-late', msLate: 3 * HOUR });
  });

  it('is no longer required once the decision not to notify the ICO is recorded with its reason', () => {
    const decided = incident({ assessment: assessment(2, 1, { icoDecision: 'do-not-notify', icoDecisionReason: 'Unlikely to result in a risk: encrypted device recovered.' }) });
    expect(requiredNotifications(decided, settings).map((r) => r.recipient)).toEqual(['dars']);
  });
});

describe('the other clocks', () => {
  it('DARS: as soon as possible, to the target in Settings (24 hours by default, or another)', () => {
    const i = incident();
    expect(deadlineFor(i, settings, 'dars')).toBe('2026-03-28T10:00:00.000Z');
    expect(deadlineFor(i, { darsTargetHours: 4 }, 'dars')).toBe('2026-03-27T14:00:00.000Z');
    expect(requiredNotifications(i, settings)[0]!.why).toContain('24 hours');
  });

  it('DHSC joins when the grid cell says so, individuals when the decision is to tell them (no fixed clock)', () => {
    const i = incident({ assessment: assessment(5, 5, { icoDecision: 'notify', icoDecisionReason: 'High risk', individualsDecision: 'tell', individualsDecisionReason: 'High risk to them' }) });
    const required = requiredNotifications(i, settings);
    expect(required.map((r) => r.recipient)).toEqual(['dars', 'ico', 'dhsc', 'individuals']);
    expect(required.find((r) => r.recipient === 'individuals')!.deadline).toBeNull();
  });

  it('measures lateness against the recipient\u2019s deadline, for the late-reason rule', () => {
    const i = incident({}, { becameAwareAt: london('2026-03-27T10:00:00Z') });
    expect(latenessOf(i, settings, 'ico', '2026-03-30T10:00:00.000Z')).toBe(0);
    expect(latenessOf(i, settings, 'ico', '2026-03-30T10:00:01.000Z')).toBe(1000);
    expect(latenessOf(i, settings, 'other', '2026-05-01T00:00:00.000Z')).toBeNull();
  });

  it('writes durations as people say them', () => {
    expect(formatDuration(0)).toBe('less than a minute');
    expect(formatDuration(61 * 60_000)).toBe('1 hour 1 minute');
    expect(formatDuration(72 * HOUR)).toBe('3 days');
    expect(formatDuration(31 * HOUR + 20 * 60_000)).toBe('1 day 7 hours');
  });
});
