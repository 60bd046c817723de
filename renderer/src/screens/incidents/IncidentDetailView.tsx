import { useEffect, useRef, useState } from 'react';
import { showResult } from '../../forms/follow-through';
import type { IncidentDetail } from '../../../../shared/incidents/incident-api';
import type { IncidentSettings } from '../../../../shared/incidents/incident-settings';
import { incidentStatusLabels, incidentTypeLabels } from '../../../../shared/incidents/incident-vocabulary';
import { formatZoned } from '../../../../shared/incidents/zoned-time';
import { useIncidentsStore } from '../../stores/incidents-store';
import { useActionLock } from '../../stores/register-identity-store';
import { ActionsPanel } from './ActionsPanel';
import { AssessmentPanel } from './AssessmentPanel';
import { ClockText } from './ClockText';
import { ClosurePanel } from './ClosurePanel';
import { IncidentForm } from './IncidentForm';
import { NotificationsPanel } from './NotificationsPanel';
import { Tabs } from './Tabs';

type Tab = 'notifications' | 'assessment' | 'details' | 'actions' | 'closure';
const tabs: readonly { id: Tab; label: string }[] = [
  { id: 'notifications', label: 'Notifications' },
  { id: 'assessment', label: 'Assessment' },
  { id: 'details', label: 'Details' },
  { id: 'actions', label: 'Actions' },
  { id: 'closure', label: 'Status and closure' },
];

/**
 * One incident: its clocks at the top (they matter most in the first 72 hours), then tabs for the
 * notifications, the assessment, the details form, the actions and closure, and the report export.
 */
export function IncidentDetailView({ detail, settings, now }: { detail: IncidentDetail; settings: IncidentSettings; now: Date }) {
  const { busy, update, assess, recordNotification, recordAction, setStatus, exportReport } = useIncidentsStore();
  const [tab, setTab] = useState<Tab>('notifications');
  const exportLock = useActionLock('exportReport');
  const { incident } = detail;
  const zone = incident.becameAwareAt.timeZone;
  const closed = incident.status === 'closed';
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened, or just recorded from the form: the incident is the result, so attention goes to it (as DetailView does for records).
  useEffect(() => showResult(heading), [incident.id]);
  return (
    <section className="incident-detail" aria-labelledby="incident-heading">
      <div className="detail-header">
        <div>
          <h2 id="incident-heading" tabIndex={-1} ref={heading}>
            {incident.reference}: {incident.title}
          </h2>
          <p className="muted">
            {incidentTypeLabels[incident.type]} · <span className={`status-pill status-${incident.status}`}>{incidentStatusLabels[incident.status]}</span> · became aware {formatZoned(incident.becameAwareAt)}
          </p>
        </div>
        <button type="button" onClick={() => void exportReport(incident.id)} disabled={busy} {...exportLock}>
          Export report (PDF)
        </button>
      </div>
      <dl className="clock-summary">
        <div>
          <dt>ICO deadline (72 hours)</dt>
          <dd>
            <ClockText required={detail.required.find((r) => r.recipient === 'ico')} now={now} timeZone={zone} closed={closed} />
          </dd>
        </div>
        <div>
          <dt>NHS England DARS ({settings.darsTargetHours}-hour target)</dt>
          <dd>
            <ClockText required={detail.required.find((r) => r.recipient === 'dars')} now={now} timeZone={zone} closed={closed} />
          </dd>
        </div>
        <div>
          <dt>Assessment</dt>
          <dd>{incident.assessment?.outcome ?? 'Not yet assessed'}</dd>
        </div>
      </dl>
      <Tabs label="Parts of the incident" tabs={tabs} current={tab} onChange={setTab}>
        {tab === 'notifications' ? (
          <NotificationsPanel key={incident.id} detail={detail} darsTargetHours={settings.darsTargetHours} now={now} busy={busy} onSave={(notification, notificationId) => recordNotification({ id: incident.id, notification: notification as never, ...(notificationId ? { notificationId } : {}) })} />
        ) : null}
        {tab === 'assessment' ? <AssessmentPanel key={incident.id} grid={settings.grid} assessment={incident.assessment} timeZone={zone} busy={busy} onSave={(assessment) => assess({ id: incident.id, assessment: assessment as never })} /> : null}
        {tab === 'details' ? (
          <IncidentForm key={incident.id} initial={incident} initialLabels={detail.labels} defaultZone={settings.defaultTimeZone} submitLabel="Save details" busy={busy} onSave={(fields) => update(incident.id, fields)} />
        ) : null}
        {tab === 'actions' ? <ActionsPanel actions={incident.actions} busy={busy} onSave={(action, actionId) => recordAction({ id: incident.id, action: action as never, ...(actionId ? { actionId } : {}) })} /> : null}
        {tab === 'closure' ? <ClosurePanel key={`${incident.id}:${incident.status}`} detail={detail} busy={busy} onStatus={(status, lessons) => setStatus(incident.id, status, lessons)} /> : null}
      </Tabs>
    </section>
  );
}
