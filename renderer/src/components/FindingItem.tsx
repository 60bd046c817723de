import { useState } from 'react';
import { canBeBreach } from '../../../shared/findings/breach-codes';
import type { Finding } from '../../../shared/register/findings';
import { FindingStatusDialog } from './FindingStatusDialog';
import { FindingStatusLine } from './FindingStatusLine';
import { showDate } from '../format/display';
import { OpenIncidentLink } from './OpenIncidentLink';
import { RecordLink } from './RecordLink';
import { StatusBadge } from './StatusBadge';
import { useActionLock } from '../stores/register-identity-store';


/**
 * One finding: its severity, what is wrong, what to do, and links to every record it is about; on
 * the Dashboard, an "Open incident" link that opens the Incidents screen's form pre-filled from it,
 * for the findings that can be a breach of the agreement (breach-codes.ts).
 * `compact` (on detail screens) puts the code and the links on one smaller line.
 */
export function FindingItem({ finding, compact = false, onStatusChanged }: { finding: Finding; compact?: boolean; onStatusChanged?: () => void }) {
  const [settingStatus, setSettingStatus] = useState(false);
  const lock = useActionLock('setFindingStatus');
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
            <FindingStatusLine status={finding.status} />
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
          <FindingStatusLine status={finding.status} />{' '}
          <button type="button" className="link-button" onClick={() => setSettingStatus(true)} {...lock}>
            Set status<span className="visually-hidden"> of this finding: {finding.title}</span>
          </button>
        </p>
      ) : null}
      {settingStatus && onStatusChanged ? <FindingStatusDialog finding={finding} onClose={() => setSettingStatus(false)} onSaved={onStatusChanged} /> : null}
      {!canBeBreach(finding.code) ? null : (
        <p className="finding-incident">
          <OpenIncidentLink finding={finding} />
        </p>
      )}
    </li>
  );
}
