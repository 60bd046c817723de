import { useRef, useState, type FormEvent } from 'react';
import { showFirstProblem } from '../forms/follow-through';
import { setFindingStatusRequestSchema, findingStateLabels, findingStates, type FindingState } from '../../../shared/findings/finding-status';
import type { Finding } from '../../../shared/register/findings';
import { call } from '../api/client';
import { Modal } from './Modal';
import { useActionLock } from '../stores/register-identity-store';

/**
 * Sets a finding's status (shared/findings/finding-status.ts): acknowledged with an owner and a
 * target date, risk accepted with a reason, a review date and who accepted, or back to open. The
 * request is checked with the same schema main uses before it is sent; a refusal (a date that has
 * passed) is shown here, so the user knows nothing was saved and why.
 */
export function FindingStatusDialog({ finding, onClose, onSaved }: { finding: Finding; onClose: () => void; onSaved: () => void }) {
  const current = finding.status?.state ?? 'open';
  const [state, setState] = useState<FindingState>(current === 'open' ? 'acknowledged' : current);
  const [fields, setFields] = useState((): Record<string, string> => {
    const s = finding.status;
    if (s?.state === 'acknowledged') return { owner: s.owner, targetDate: s.targetDate };
    if (s?.state === 'risk-accepted') return { reason: s.reason, reviewDate: s.reviewDate, acceptedBy: s.acceptedBy };
    return {};
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const lock = useActionLock('setFindingStatus');
  const field = (name: string, label: string, type: 'text' | 'date' | 'textarea' = 'text') => {
    const id = `finding-status-${name}`;
    const props = { id, value: fields[name] ?? '', required: true, onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })) };
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {type === 'textarea' ? <textarea rows={3} {...props} /> : <input type={type} {...props} />}
      </div>
    );
  };
  const form = useRef<HTMLFormElement>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const picked =
      state === 'acknowledged'
        ? { owner: fields.owner, targetDate: fields.targetDate }
        : state === 'risk-accepted'
          ? { reason: fields.reason, reviewDate: fields.reviewDate, acceptedBy: fields.acceptedBy }
          : {};
    const parsed = setFindingStatusRequestSchema.safeParse({ findingId: finding.id, state, ...picked });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setError(`${labelOf(String(issue.path[0] ?? ''))}: ${issue.message}. Nothing has been saved.`);
      showFirstProblem(form);
      return;
    }
    setSaving(true);
    const result = await call('findings.setStatus', parsed.data);
    setSaving(false);
    if (!result.ok) {
      setError(`${result.error.message}. Nothing has been saved.`);
      showFirstProblem(form);
      return;
    }
    onSaved();
    onClose();
  };
  return (
    <Modal title="Set status" onClose={onClose}>
      <form ref={form} className="record-form finding-status-form" onSubmit={onSubmit} noValidate>
        <p className="muted">{finding.title}</p>
        {error ? (
          <p role="alert" className="error-banner">
            {error}
          </p>
        ) : null}
        <div className="form-stack">
          <fieldset className="field checkbox-group">
            <legend>Status</legend>
            {findingStates.map((s) => (
              <label key={s} className="check">
                <input type="radio" name="finding-state" value={s} checked={state === s} onChange={() => setState(s)} /> {findingStateLabels[s]}
              </label>
            ))}
          </fieldset>
          {state === 'acknowledged' ? (
            <>
              {field('owner', 'Owner')}
              {field('targetDate', 'Target date', 'date')}
            </>
          ) : null}
          {state === 'risk-accepted' ? (
            <>
              {field('reason', 'Reason', 'textarea')}
              {field('reviewDate', 'Review date', 'date')}
              {field('acceptedBy', 'Accepted by')}
            </>
          ) : null}
        </div>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={saving} {...lock}>
            {saving ? 'Saving…' : 'Save status'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

const fieldLabels: Record<string, string> = { owner: 'Owner', targetDate: 'Target date', reason: 'Reason', reviewDate: 'Review date', acceptedBy: 'Accepted by' };
const labelOf = (name: string) => fieldLabels[name] ?? name;
