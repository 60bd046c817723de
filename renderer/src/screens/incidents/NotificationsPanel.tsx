import { useState, type FormEvent } from 'react';
import type { IncidentDetail } from '../../../../shared/incidents/incident-api';
import { notificationFieldsSchema, notificationLabel, notificationThreads, type IncidentNotification, type NotificationThread } from '../../../../shared/incidents/incident-records';
import {
  notificationChannelLabels,
  notificationChannels,
  notificationKindLabels,
  notificationKinds,
  notificationRecipientLabels,
  notificationRecipients,
  type NotificationChannel,
  type NotificationKind,
  type NotificationRecipient,
} from '../../../../shared/incidents/incident-vocabulary';
import { clockState, describeClock, formatDuration, latenessOf } from '../../../../shared/incidents/notification-clocks';
import { formatZoned, type ZonedTime } from '../../../../shared/incidents/zoned-time';
import { issuesByPath, SelectField, TextAreaField, TextField } from './fields';
import { ZonedTimeInput } from './ZonedTimeInput';
import { useActionLock } from '../../stores/register-identity-store';

/**
 * Who must be told and where each clock stands, the log of notifications sent, and a form to log
 * one (or to add the acknowledgement to one already logged). A notification sent after its
 * deadline asks for the reason before it can be saved.
 */
interface Draft {
  recipient: NotificationRecipient | '';
  /** '' lets main decide from the thread: the first is the initial report, later ones follow-ups. */
  kind: NotificationKind | '';
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
  kind: '',
  recipientDetail: '',
  sentAt: nowIn(timeZone),
  channel: recipient === 'ico' ? 'dspt-incident-tool' : '',
  reference: '',
  acknowledgedAt: null,
  acknowledgementReference: '',
  lateReason: '',
  note: '',
});
/** A follow-up in a thread: same recipient and channel, sent now, with its own reference. */
const followUpTo = (thread: NotificationThread, timeZone: string): Draft => {
  const last = thread.notifications.at(-1)!;
  return { ...blank(timeZone, thread.recipient), kind: 'follow-up', recipientDetail: thread.recipientDetail ?? '', channel: last.channel };
};
const threadName = (thread: NotificationThread) =>
  notificationRecipientLabels[thread.recipient] + (thread.recipient === 'other' && thread.recipientDetail ? `: ${thread.recipientDetail}` : '');
const fromNotification = (n: IncidentNotification): Draft => ({
  recipient: n.recipient,
  kind: n.kind,
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
  const lock = useActionLock('notifyIncident');
  const { incident } = detail;
  const zone = incident.becameAwareAt.timeZone;
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(() => blank(zone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const threads = notificationThreads(incident.notifications);
  // Only an initial report is held to a deadline; a follow-up updates one already made.
  const late = draft.recipient && draft.sentAt && draft.kind !== 'follow-up' ? latenessOf(incident, { darsTargetHours }, draft.recipient, draft.sentAt.at) : null;
  const isLate = late !== null && late > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = notificationFieldsSchema.safeParse({
      recipient: draft.recipient || undefined,
      kind: draft.kind || null,
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

      <section className="threads" aria-label="Notifications log">
        <h4>Notifications log</h4>
        {threads.length === 0 ? <p className="muted">No notifications logged yet.</p> : null}
        {threads.map((thread) => (
          <section key={thread.key} className="thread" aria-label={`Thread with ${threadName(thread)}`}>
            <h5>
              {threadName(thread)}
              <span className="muted small">
                {' '}
                · {thread.notifications.length === 1 ? 'initial report only' : `initial report and ${thread.notifications.length - 1} follow-up${thread.notifications.length === 2 ? '' : 's'}`}
              </span>
            </h5>
            <ol className="thread-items">
              {thread.notifications.map((n) => (
                <li key={n.id} className={`thread-item thread-${n.kind}`}>
                  <strong>{notificationLabel(thread, n)}</strong>, sent {formatZoned(n.sentAt)} via {notificationChannelLabels[n.channel]}
                  {n.reference ? <> · their reference <span className="reference">{n.reference}</span></> : null}
                  {' · '}
                  {n.acknowledgedAt ? `acknowledged ${formatZoned(n.acknowledgedAt)}${n.acknowledgementReference ? ` (${n.acknowledgementReference})` : ''}` : 'not yet acknowledged'}
                  {n.note ? <div className="thread-note">{n.note}</div> : null}
                  {n.lateReason ? <div className="thread-note">Late because: {n.lateReason}</div> : null}{' '}
                  <button type="button" className="link-button" onClick={() => { setEditing(n.id); setDraft(fromNotification(n)); setErrors({}); }}>
                    {n.acknowledgedAt ? 'Edit' : 'Add acknowledgement'}
                    <span className="visually-hidden">
                      {' '}
                      for the {notificationLabel(thread, n).toLowerCase()} to {threadName(thread)}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" onClick={() => { setEditing(null); setDraft(followUpTo(thread, zone)); setErrors({}); }}>
              Log a follow-up to {threadName(thread)}
            </button>
          </section>
        ))}
      </section>

      <form className="sub-form" onSubmit={submit} noValidate aria-label={editing ? 'Change a notification' : 'Log a notification'}>
        <h4>{editing ? 'Change the notification' : 'Log a notification'}</h4>
        <div className="field-pair">
          <SelectField label="Told" required value={draft.recipient} onChange={(v) => set('recipient', v)} options={notificationRecipients.map((r) => ({ value: r, label: notificationRecipientLabels[r] }))} placeholder="Choose…" error={errors.recipient} />
          <TextField label="Who exactly" value={draft.recipientDetail} onChange={(v) => set('recipientDetail', v)} error={errors.recipientDetail} hint={draft.recipient === 'other' ? 'Required for “Other”.' : 'Optional: a team or person.'} required={draft.recipient === 'other'} />
        </div>
        <SelectField label="Report" value={draft.kind} onChange={(v) => set('kind', v)} options={notificationKinds.map((k) => ({ value: k, label: notificationKindLabels[k] }))} placeholder="Decide from the thread" error={errors.kind} hint="The first notification to a recipient is the initial report; later ones are follow-ups." />
        <div className="field-pair">
          <ZonedTimeInput label="Sent" required value={draft.sentAt} onChange={(v) => set('sentAt', v)} defaultZone={zone} error={errors.sentAt ?? errors['sentAt.at']} />
          <SelectField label="Channel" required value={draft.channel} onChange={(v) => set('channel', v)} options={notificationChannels.map((c) => ({ value: c, label: notificationChannelLabels[c] }))} placeholder="Choose…" error={errors.channel} />
        </div>
        <TextField label="Reference" value={draft.reference} onChange={(v) => set('reference', v)} hint="Theirs: the DSPT incident number, the ICO case reference, the email subject, the call reference…" />
        {isLate || draft.lateReason ? (
          <TextAreaField label="Reason it was late" required={isLate} rows={2} value={draft.lateReason} onChange={(v) => set('lateReason', v)} error={errors.lateReason} hint={isLate ? `Sent ${formatDuration(late)} after its deadline: UK GDPR Art 33(1) asks for the reason.` : undefined} />
        ) : null}
        <div className="field-pair">
          <ZonedTimeInput label="Acknowledged" value={draft.acknowledgedAt} onChange={(v) => set('acknowledgedAt', v)} defaultZone={zone} error={errors.acknowledgedAt} hint="When they confirmed receipt (NHS England confirms every report)." />
          <TextField label="Acknowledgement reference" value={draft.acknowledgementReference} onChange={(v) => set('acknowledgementReference', v)} />
        </div>
        <TextAreaField label="Note" hint={draft.kind === 'follow-up' ? 'What this follow-up told them: what is new since the last report.' : undefined} rows={2} value={draft.note} onChange={(v) => set('note', v)} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} {...lock}>
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
