import { useState, type FormEvent } from 'react';
import type { IncidentDetail } from '../../../../shared/incidents/incident-api';
import { notificationFieldsSchema, type IncidentNotification } from '../../../../shared/incidents/incident-records';
import {
  notificationChannelLabels,
  notificationChannels,
  notificationRecipientLabels,
  notificationRecipients,
  type NotificationChannel,
  type NotificationRecipient,
} from '../../../../shared/incidents/incident-vocabulary';
import { clockState, describeClock, formatDuration, latenessOf } from '../../../../shared/incidents/notification-clocks';
import { formatZoned, type ZonedTime } from '../../../../shared/incidents/zoned-time';
import { issuesByPath, SelectField, TextAreaField, TextField } from './fields';
import { ZonedTimeInput } from './ZonedTimeInput';

/**
 * Who must be told and where each clock stands, the log of notifications sent, and a form to log
 * one (or to add the acknowledgement to one already logged). A notification sent after its
 * deadline asks for the reason before it can be saved.
 */
interface Draft {
  recipient: NotificationRecipient | '';
  recipientDetail: string;
  sentAt: ZonedTime | null;
  channel: NotificationChannel | '';
  reference: string;
  acknowledgedAt: ZonedTime | null;
  acknowledgementReference: string;
  lateReason: string;
  note: string;
}

const nowIn = (timeZone: string): ZonedTime => ({ at: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), timeZone });
const blank = (timeZone: string, recipient: NotificationRecipient | '' = ''): Draft => ({
  recipient,
  recipientDetail: '',
  sentAt: nowIn(timeZone),
  channel: recipient === 'ico' ? 'dspt-incident-tool' : '',
  reference: '',
  acknowledgedAt: null,
  acknowledgementReference: '',
  lateReason: '',
  note: '',
});
const fromNotification = (n: IncidentNotification): Draft => ({
  recipient: n.recipient,
  recipientDetail: n.recipientDetail ?? '',
  sentAt: n.sentAt,
  channel: n.channel,
  reference: n.reference ?? '',
  acknowledgedAt: n.acknowledgedAt,
  acknowledgementReference: n.acknowledgementReference ?? '',
  lateReason: n.lateReason ?? '',
  note: n.note ?? '',
});

export function NotificationsPanel({
  detail,
  darsTargetHours,
  now,
  busy,
  onSave,
}: {
  detail: IncidentDetail;
  darsTargetHours: number;
  now: Date;
  busy: boolean;
  onSave: (notification: unknown, notificationId?: string) => Promise<boolean>;
}) {
  const { incident } = detail;
  const zone = incident.becameAwareAt.timeZone;
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(() => blank(zone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const late = draft.recipient && draft.sentAt ? latenessOf(incident, { darsTargetHours }, draft.recipient, draft.sentAt.at) : null;
  const isLate = late !== null && late > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = notificationFieldsSchema.safeParse({
      recipient: draft.recipient || undefined,
      recipientDetail: draft.recipientDetail.trim() || null,
      sentAt: draft.sentAt ?? undefined,
      channel: draft.channel || undefined,
      reference: draft.reference.trim() || null,
      acknowledgedAt: draft.acknowledgedAt,
      acknowledgementReference: draft.acknowledgementReference.trim() || null,
      lateReason: draft.lateReason.trim() || null,
      note: draft.note.trim() || null,
    });
    const found = parsed.success ? {} : issuesByPath(parsed.error.issues);
    if (found.recipient) found.recipient = 'Choose who was told';
    if (found.channel) found.channel = 'Choose how they were told';
    if (found.sentAt) found.sentAt = 'Give the date and time it was sent';
    if (isLate && !draft.lateReason.trim()) found.lateReason = `This was sent ${formatDuration(late)} after its deadline: give the reason it was late.`;
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    if (await onSave(parsed.data, editing ?? undefined)) {
      setEditing(null);
      setDraft(blank(zone));
    }
  };

  return (
    <div className="notifications">
      <h4>Who must be told</h4>
      <ul className="clock-list">
        {detail.required.map((required) => {
          const state = clockState(required, now);
          const closed = incident.status === 'closed';
          return (
            <li key={required.recipient} className={`clock-item clock-${state.kind}`}>
              {state.kind === 'overdue' ? <span aria-hidden="true">⚠ </span> : null}
              <strong>{closed && state.kind === 'running' ? `${notificationRecipientLabels[required.recipient]}: not sent` : describeClock(required, state, zone)}</strong>
              <span className="muted small"> {required.why}</span>
              {!required.sent ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => { setEditing(null); setDraft(blank(zone, required.recipient)); }}>
                    Log the notification to {notificationRecipientLabels[required.recipient]}
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>

      <div className="table-wrap">
        <table className="log-table">
          <caption>Notifications log</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Sent</th>
              <th scope="col">Channel</th>
              <th scope="col">Reference</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Reason if late</th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {incident.notifications.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  No notifications logged yet.
                </td>
              </tr>
            ) : (
              incident.notifications.map((n) => (
                <tr key={n.id}>
                  <td>
                    {notificationRecipientLabels[n.recipient]}
                    {n.recipientDetail ? `: ${n.recipientDetail}` : ''}
                  </td>
                  <td>{formatZoned(n.sentAt)}</td>
                  <td>{notificationChannelLabels[n.channel]}</td>
                  <td>{n.reference ?? '—'}</td>
                  <td>{n.acknowledgedAt ? `${formatZoned(n.acknowledgedAt)}${n.acknowledgementReference ? ` (${n.acknowledgementReference})` : ''}` : 'Not yet'}</td>
                  <td>{n.lateReason ?? '—'}</td>
                  <td>
                    <button type="button" onClick={() => { setEditing(n.id); setDraft(fromNotification(n)); setErrors({}); }}>
                      {n.acknowledgedAt ? 'Edit' : 'Add acknowledgement'}
                      <span className="visually-hidden"> for the notification to {notificationRecipientLabels[n.recipient]}</span>
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <form className="sub-form" onSubmit={submit} noValidate aria-label={editing ? 'Change a notification' : 'Log a notification'}>
        <h4>{editing ? 'Change the notification' : 'Log a notification'}</h4>
        <div className="field-pair">
          <SelectField label="Told" required value={draft.recipient} onChange={(v) => set('recipient', v)} options={notificationRecipients.map((r) => ({ value: r, label: notificationRecipientLabels[r] }))} placeholder="Choose…" error={errors.recipient} />
          <TextField label="Who exactly" value={draft.recipientDetail} onChange={(v) => set('recipientDetail', v)} error={errors.recipientDetail} hint={draft.recipient === 'other' ? 'Required for “Other”.' : 'Optional: a team or person.'} required={draft.recipient === 'other'} />
        </div>
        <div className="field-pair">
          <ZonedTimeInput label="Sent" required value={draft.sentAt} onChange={(v) => set('sentAt', v)} defaultZone={zone} error={errors.sentAt ?? errors['sentAt.at']} />
          <SelectField label="Channel" required value={draft.channel} onChange={(v) => set('channel', v)} options={notificationChannels.map((c) => ({ value: c, label: notificationChannelLabels[c] }))} placeholder="Choose…" error={errors.channel} />
        </div>
        <TextField label="Reference" value={draft.reference} onChange={(v) => set('reference', v)} hint="The DSPT incident number, the email subject, the call reference…" />
        {isLate || draft.lateReason ? (
          <TextAreaField label="Reason it was late" required={isLate} rows={2} value={draft.lateReason} onChange={(v) => set('lateReason', v)} error={errors.lateReason} hint={isLate ? `Sent ${formatDuration(late)} after its deadline: UK GDPR Art 33(1) asks for the reason.` : undefined} />
        ) : null}
        <div className="field-pair">
          <ZonedTimeInput label="Acknowledged" value={draft.acknowledgedAt} onChange={(v) => set('acknowledgedAt', v)} defaultZone={zone} error={errors.acknowledgedAt} hint="When they confirmed receipt (NHS England confirms every report)." />
          <TextField label="Acknowledgement reference" value={draft.acknowledgementReference} onChange={(v) => set('acknowledgementReference', v)} />
        </div>
        <TextAreaField label="Note" rows={2} value={draft.note} onChange={(v) => set('note', v)} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {editing ? 'Save notification' : 'Log notification'}
          </button>
          {editing ? (
            <button type="button" onClick={() => { setEditing(null); setDraft(blank(zone)); setErrors({}); }}>
              Cancel change
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
