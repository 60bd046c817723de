import { useState } from 'react';
import type { IncidentDetail } from '../../../../shared/incidents/incident-api';
import { incidentStatusLabels, type IncidentStatus } from '../../../../shared/incidents/incident-vocabulary';
import { formatZoned } from '../../../../shared/incidents/zoned-time';
import { TextAreaField } from './fields';
import { useActionLock } from '../../stores/register-identity-store';

/**
 * The incident's status: what still keeps it from closing (the same list main checks), lessons
 * learned, and the buttons to mark it contained, close it or reopen it. If main refuses to close,
 * its message (which lists what is outstanding) is shown by the screen's alert.
 */
export function ClosurePanel({ detail, busy, onStatus }: { detail: IncidentDetail; busy: boolean; onStatus: (status: IncidentStatus, lessonsLearned: string | null) => Promise<boolean> }) {
  const lock = useActionLock('changeIncident');
  const { incident, outstanding } = detail;
  const [lessons, setLessons] = useState(incident.lessonsLearned ?? '');
  const zone = incident.becameAwareAt.timeZone;
  const lessonsValue = lessons.trim() === '' ? null : lessons;
  return (
    <div className="closure">
      <p>
        Status: <strong>{incidentStatusLabels[incident.status]}</strong>
        {incident.containedAt ? <> · contained {formatZoned({ at: incident.containedAt, timeZone: zone })}</> : null}
        {incident.closedAt ? <> · closed {formatZoned({ at: incident.closedAt, timeZone: zone })}</> : null}
      </p>
      {incident.status !== 'closed' ? (
        outstanding.length > 0 ? (
          <div className="outstanding">
            <h4>Before it can close</h4>
            <ul>
              {outstanding.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="status-line">Nothing is outstanding: the incident can be closed.</p>
        )
      ) : null}
      <TextAreaField label="Lessons learned" rows={3} value={lessons} onChange={setLessons} hint="What will change so it does not happen again. Saved with the status change." />
      <div className="form-actions">
        {incident.status === 'open' ? (
          <button type="button" disabled={busy} {...lock} onClick={() => void onStatus('contained', lessonsValue)}>
            Mark contained
          </button>
        ) : null}
        {incident.status !== 'closed' ? (
          <button type="button" className="primary" disabled={busy} {...lock} onClick={() => void onStatus('closed', lessonsValue)}>
            Close incident
          </button>
        ) : (
          <button type="button" disabled={busy} {...lock} onClick={() => void onStatus('open', lessonsValue)}>
            Reopen incident
          </button>
        )}
        {incident.status !== 'closed' ? (
          <button type="button" disabled={busy} {...lock} onClick={() => void onStatus(incident.status, lessonsValue)}>
            Save lessons learned
          </button>
        ) : null}
      </div>
    </div>
  );
}
