import { useState } from 'react';
import { reopenReasonLabels, type FindingStatus } from '../../../shared/findings/finding-status';
import type { Finding } from '../../../shared/register/findings';
import { FindingStatusDialog } from './FindingStatusDialog';
import { showDate } from '../format/display';
import { incidentFromFindingHref } from '../navigation/incident-links';
import { RecordLink } from './RecordLink';
import { StatusBadge } from './StatusBadge';

/** A finding about an incident's own clock is dealt with on that incident, not by opening another. */
const isIncidentFinding = (finding: Finding): boolean => finding.code.startsWith('INCIDENT_');

/**
 * One finding: its severity, what is wrong, what to do, and links to every record it is about; on
 * the Dashboard, an "Open incident" link that opens the Incidents screen's form pre-filled from it.
 * `compact` (on detail screens) puts the code and the links on one smaller line.
 */
export function FindingItem({ finding, compact = false, onStatusChanged }: { finding: Finding; compact?: boolean; onStatusChanged?: () => void }) {
  const [settingStatus, setSettingStatus] = useState(false);
  const subjects = (
    <ul className="finding-subjects" aria-label="About">
      {finding.subjects.map((subject) => (
        <li key={`${subject.kind}:${subject.id}`}>
          <RecordLink kind={subject.kind} id={subject.id} label={subject.label} />
        </li>
      ))}
    </ul>
  );
  if (compact)
    return (
      <li className={`finding finding-compact finding-${finding.severity}`} data-code={finding.code}>
        <p className="finding-title">
          <StatusBadge severity={finding.severity} /> {finding.title}
        </p>
        {/* Detail screens list findings without actions: a decision (or a reopening) is still worth seeing there. */}
        {finding.status && (finding.status.state !== 'open' || finding.status.reopened) ? (
          <p className="finding-status">
            <StatusLine status={finding.status} />
          </p>
        ) : null}
        <p className="finding-action">
          {finding.action} <span className="finding-code">{finding.code}</span>
          {finding.dueDate ? <span className="muted"> · due {showDate(finding.dueDate)}</span> : null}
        </p>
        {subjects}
      </li>
    );
  return (
    <li className={`finding finding-${finding.severity}`} data-code={finding.code}>
      <div className="finding-head">
        <StatusBadge severity={finding.severity} />
        <span className="finding-code">{finding.code}</span>
        {finding.dueDate ? <span className="muted">Due {showDate(finding.dueDate)}</span> : null}
      </div>
      <p className="finding-title">{finding.title}</p>
      <p className="finding-action">{finding.action}</p>
      {subjects}
      {onStatusChanged ? (
        <p className="finding-status">
          <StatusLine status={finding.status} />{' '}
          <button type="button" className="link-button" onClick={() => setSettingStatus(true)}>
            Set status<span className="visually-hidden"> of this finding: {finding.title}</span>
          </button>
        </p>
      ) : null}
      {settingStatus && onStatusChanged ? <FindingStatusDialog finding={finding} onClose={() => setSettingStatus(false)} onSaved={onStatusChanged} /> : null}
      {isIncidentFinding(finding) ? null : (
        <p className="finding-incident">
          <a href={incidentFromFindingHref(finding.id)}>
            Open incident<span className="visually-hidden"> from this finding: {finding.title}</span>
          </a>
        </p>
      )}
    </li>
  );
}

/** The status as a badge (the word carries it) and, for a decision, who and until when; a reopened finding says why. */
function StatusLine({ status }: { status: FindingStatus | undefined }) {
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
