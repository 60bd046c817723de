import { useId, useState, type FormEvent } from 'react';
import type { Copy } from '../../../shared/register/records';
import { localIsoDate } from '../../../shared/register/local-date';
import { saveRecord } from '../api/register-writes';
import { displayValue } from '../format/display';
import { draftFrom, fieldErrorFromServer, fieldMessage, validateDraft } from '../forms/form-model';
import { Modal } from './Modal';

/**
 * Records the day a copy was destroyed. The copy stops counting as live from that day; the holding's
 * certificate of destruction must then cover it (CERTIFICATE_MISSING until one is recorded).
 */
export function MarkDestroyedButton({ copy, holdingLabel, locationLabel, inRow = false }: { copy: Copy; holdingLabel?: string; locationLabel?: string; inRow?: boolean }) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const what = `${displayValue(copy.kind).toLowerCase()} copy${locationLabel ? ` at ${locationLabel}` : ''}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateDraft('copy', { ...draftFrom('copy', copy), destroyedDate: date }, copy);
    if (!checked.ok) {
      setError(fieldMessage('Destroyed on', checked.errors.destroyedDate ?? Object.values(checked.errors)[0] ?? 'is not valid'));
      return;
    }
    setSaving(true);
    const result = await saveRecord('copy', copy.id, checked.record);
    setSaving(false);
    if (result.ok) setOpen(false);
    else setError(fieldErrorFromServer('copy', result.error.message)?.message ?? result.error.message);
  };

  return (
    <>
      {/* The name starts with the words on the button (WCAG 2.5.3), then says which copy. */}
      <button type="button" className={inRow ? 'small' : undefined} onClick={() => setOpen(true)} aria-label={inRow ? `Mark destroyed: the ${what}` : undefined}>
        Mark destroyed
      </button>
      {open ? (
        <Modal title={`Mark the ${what} destroyed`} onClose={() => setOpen(false)}>
          <form className="record-form" onSubmit={onSubmit} noValidate>
            {holdingLabel ? <p className="muted">Holding {holdingLabel}</p> : null}
            <div className={error ? 'field field-invalid' : 'field'}>
              <label htmlFor={id}>Destroyed on</label>
              <p className="hint" id={`${id}-hint`}>
                The day the copy was destroyed. Record how it was destroyed on the certificate of destruction.
              </p>
              <input
                id={id}
                type="date"
                value={date}
                onChange={(e) => {
                  setDate(e.target.value);
                  setError(null);
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              />
              {error ? (
                <p className="field-error" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
            </div>
            <div className="modal-actions">
              <button type="submit" className="primary" disabled={saving}>
                {saving ? 'Saving…' : 'Mark destroyed'}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </>
  );
}
