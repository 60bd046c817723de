import { useRef, useState, type FormEvent } from 'react';
import { showFirstProblem } from '../forms/follow-through';
import { setFindingStatusRequestSchema, setFindingStatusesRequestSchema, findingStateLabels, findingStates, type FindingState } from '../../../shared/findings/finding-status';
import type { Finding } from '../../../shared/register/findings';
import { call } from '../api/client';
import { Modal } from './Modal';
import { useActionLock } from '../stores/register-identity-store';

/**
 * Sets a finding's status (shared/findings/finding-status.ts): acknowledged with an owner and a
 * target date, risk accepted with a reason, a review date and who accepted, or back to open. The
 * request is checked with the same schema main uses before it is sent; a refusal (a date that has
 * passed) is shown here, so the user knows nothing was saved and why.
 *
 * Given a `group` (a folded row of the findings table), the one decision is sent for every finding
 * in it (findings.setStatuses): all are set or, on a refusal naming the finding, none.
 */
export type FindingGroupTarget = { findingIds: readonly string[]; label: string };

export function FindingStatusDialog(props: { finding: Finding; group?: undefined; onClose: () => void; onSaved: () => void } | { finding?: undefined; group: FindingGroupTarget; onClose: () => void; onSaved: () => void }) {
  const { finding, group, onClose, onSaved } = props;
  const current = finding?.status?.state ?? 'open';
  const [state, setState] = useState<FindingState>(current === 'open' ? 'acknowledged' : current);
  const [fields, setFields] = useState((): Record<string, string> => {
    const s = finding?.status;
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
    const parsed = group
      ? setFindingStatusesRequestSchema.safeParse({ findingIds: group.findingIds, state, ...picked })
      : setFindingStatusRequestSchema.safeParse({ findingId: finding.id, state, ...picked });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setError(`${labelOf(String(issue.path[0] ?? ''))}: ${issue.message}. Nothing has been saved.`);
      showFirstProblem(form);
      return;
    }
    setSaving(true);
    const result = 'findingIds' in parsed.data ? await call('findings.setStatuses', parsed.data) : await call('findings.setStatus', parsed.data);
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
    <Modal title={group ? `Set status for all ${group.findingIds.length} findings: ${group.label}` : 'Set status'} onClose={onClose}>
      <form ref={form} className="record-form finding-status-form" onSubmit={onSubmit} noValidate>
        <p className="muted">{group ? `One status for each of the ${group.findingIds.length} findings; if any is refused, none is saved.` : finding.title}</p>
        {error ? (
          <p role="alert" className="error-banner">
            {error}
          </p>
        ) : null}
        <div className="form-stack">
          {/* Focus starts on the status chosen (Modal's data-autofocus), where arrow keys change it. */}
          <fieldset className="field checkbox-group">
            <legend>Status</legend>
            {findingStates.map((s) => (
              <label key={s} className="check">
                <input type="radio" name="finding-state" value={s} checked={state === s} onChange={() => setState(s)} data-autofocus={s === state ? true : undefined} /> {findingStateLabels[s]}
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
            {saving ? 'Saving…' : group ? `Save status for all ${group.findingIds.length}` : 'Save status'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

const fieldLabels: Record<string, string> = { findingIds: 'Findings', owner: 'Owner', targetDate: 'Target date', reason: 'Reason', reviewDate: 'Review date', acceptedBy: 'Accepted by' };
const labelOf = (name: string) => fieldLabels[name] ?? name;
