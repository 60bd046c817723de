import { reopenReasonLabels, type FindingStatus } from '../../../shared/findings/finding-status';
import { showDate } from '../format/display';
import { StatusBadge } from './StatusBadge';

/** The status as a badge (the word carries it) and, for a decision, who and until when; a reopened finding says why. */
export function FindingStatusLine({ status }: { status: FindingStatus | undefined }) {
  if (!status || status.state === 'open')
    return status?.reopened ? <StatusBadge tone="warning">{`Reopened: ${reopenReasonLabels[status.reopened]}`}</StatusBadge> : <StatusBadge tone="neutral">Open</StatusBadge>;
  if (status.state === 'acknowledged')
    return (
      <>
        <StatusBadge tone="info">Acknowledged</StatusBadge> <span className="muted">{`${status.owner}, target ${showDate(status.targetDate)}`}</span>
      </>
    );
  return (
    <>
      <StatusBadge tone="ok">Risk accepted</StatusBadge> <span className="muted">{`by ${status.acceptedBy}, review ${showDate(status.reviewDate)}: ${status.reason}`}</span>
    </>
  );
}
