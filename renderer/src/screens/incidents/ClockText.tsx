import type { IncidentDetail } from '../../../../shared/incidents/incident-api';
import { clockState, formatDuration } from '../../../../shared/incidents/notification-clocks';
import { formatZoned } from '../../../../shared/incidents/zoned-time';

type Required = IncidentDetail['required'][number];

/**
 * One notification clock in words, so it reads without colour: "2 days 4 hours left",
 * "OVERDUE by 5 hours", "Sent on time", "Sent 3 hours late". Overdue is also red and marked with
 * a warning sign; the deadline itself is in the title and for screen readers.
 */
export function ClockText({ required, now, timeZone, closed = false }: { required: Required | undefined; now: Date; timeZone: string; closed?: boolean }) {
  if (!required) return <span className="clock clock-none">Not required</span>;
  const state = clockState(required, now);
  const due = required.deadline ? `due ${formatZoned({ at: required.deadline, timeZone })}` : 'no fixed deadline';
  switch (state.kind) {
    case 'running':
      if (closed) return <span className="clock clock-none">Not sent</span>;
      return (
        <span className={state.msLeft <= 24 * 3_600_000 ? 'clock clock-urgent' : 'clock clock-running'} title={due}>
          {formatDuration(state.msLeft)} left<span className="visually-hidden">, {due}</span>
        </span>
      );
    case 'overdue':
      return (
        <span className="clock clock-overdue" title={due}>
          <span aria-hidden="true">⚠ </span>OVERDUE by {formatDuration(state.msOver)}
          <span className="visually-hidden">, was {due}</span>
        </span>
      );
    case 'sent-on-time':
      return <span className="clock clock-done">Sent on time</span>;
    case 'sent-late':
      return <span className="clock clock-late">Sent {formatDuration(state.msLate)} late</span>;
    case 'no-deadline':
      return <span className={state.sent ? 'clock clock-done' : 'clock clock-running'}>{state.sent ? 'Sent' : 'To do, without undue delay'}</span>;
  }
}
