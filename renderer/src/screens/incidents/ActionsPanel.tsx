import { useState, type FormEvent } from 'react';
import { actionFieldsSchema, type IncidentAction } from '../../../../shared/incidents/incident-records';
import { actionKindLabels, actionKinds, actionStatusLabels, actionStatuses, type ActionKind, type ActionStatus } from '../../../../shared/incidents/incident-vocabulary';
import { formatDate } from '../../../../shared/register/format-date';
import { issuesByPath, SelectField, TextAreaField, TextField } from './fields';
import { useActionLock } from '../../stores/register-identity-store';

/**
 * Containment and remediation actions: each with an owner, a due date and a status the table lets
 * you change in place (done asks for the date it was done). Open and in-progress actions keep the
 * incident from closing.
 */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function ActionsPanel({ actions, busy, onSave }: { actions: readonly IncidentAction[]; busy: boolean; onSave: (action: unknown, actionId?: string) => Promise<boolean> }) {
  const lock = useActionLock('changeIncident');
  const [kind, setKind] = useState<ActionKind | ''>('containment');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = actionFieldsSchema.safeParse({ kind: kind || undefined, description, owner, dueDate: dueDate || null, status: 'open' });
    if (!parsed.success) {
      const found = issuesByPath(parsed.error.issues);
      if (found.kind) found.kind = 'Choose containment or remediation';
      setErrors(found);
      return;
    }
    setErrors({});
    if (await onSave(parsed.data)) {
      setDescription('');
      setOwner('');
      setDueDate('');
    }
  };

  const changeStatus = (action: IncidentAction, status: ActionStatus) => {
    const { id, ...fields } = action;
    void onSave({ ...fields, status, completedDate: status === 'done' ? (action.completedDate ?? today()) : null }, id);
  };

  return (
    <div className="actions-panel">
      <div className="table-wrap">
        <table className="log-table">
          <caption>Containment and remediation actions</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {actions.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  No actions recorded yet.
                </td>
              </tr>
            ) : (
              actions.map((a) => (
                <tr key={a.id}>
                  <td>{actionKindLabels[a.kind]}</td>
                  <td>{a.description}</td>
                  <td>{a.owner}</td>
                  <td>{a.dueDate ? formatDate(a.dueDate) : '—'}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`status-${a.id}`}>
                      Status of “{a.description}”
                    </label>
                    <select id={`status-${a.id}`} value={a.status} disabled={busy} {...lock} onChange={(e) => changeStatus(a, e.target.value as ActionStatus)}>
                      {actionStatuses.map((s) => (
                        <option key={s} value={s}>
                          {actionStatusLabels[s]}
                        </option>
                      ))}
                    </select>
                    {a.completedDate ? <span className="muted small"> {formatDate(a.completedDate)}</span> : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <form className="sub-form" onSubmit={submit} noValidate aria-label="Add an action">
        <h4>Add an action</h4>
        <div className="field-pair">
          <SelectField label="Kind" required value={kind} onChange={setKind} options={actionKinds.map((k) => ({ value: k, label: actionKindLabels[k] }))} error={errors.kind} />
          <TextField label="Owner" required value={owner} onChange={setOwner} error={errors.owner} hint="Who will do it: a role or a name." />
        </div>
        <TextAreaField label="Action" required rows={2} value={description} onChange={setDescription} error={errors.description} />
        <div className="field">
          <label htmlFor="action-due">Due date</label>
          <input id="action-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} aria-invalid={errors.dueDate ? true : undefined} />
          {errors.dueDate ? <p className="field-error">{errors.dueDate}</p> : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} {...lock}>
            Add action
          </button>
        </div>
      </form>
    </div>
  );
}
