import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RecordKind } from '../../../../shared/register/records';
import { call } from '../../api/client';
import { saveRecord } from '../../api/register-writes';
import { kindNouns } from '../../format/display';
import { draftFrom, fieldErrorFromServer, validateDraft, visibleFields, type FieldErrors } from '../../forms/form-model';
import { formSpecs, type Draft } from '../../forms/form-specs';
import { showFirstProblem } from '../../forms/follow-through';
import { Modal } from '../Modal';
import { FieldControl } from './FieldControl';

export interface RecordFormRequest {
  kind: RecordKind;
  /** The record to edit, or null for a new one. */
  record: ({ id: string } & Record<string, unknown>) | null;
  /** Values set by where the form was opened (the version a new dataset belongs to): shown, not editable. */
  fixed?: Record<string, string>;
  /** Display names of the records the record refers to. */
  labels?: Record<string, string>;
  title?: string;
}

/**
 * Adds or edits one record. Every field is checked with the record's schema before anything is
 * sent; each problem is shown under its field (and the first one focused), and a refusal from the
 * register that names a field is shown there too. Nothing is saved until every field is valid.
 */
export function RecordFormDialog({ request, onClose, onSaved }: { request: RecordFormRequest; onClose: () => void; onSaved?: (record: { id: string } & Record<string, unknown>) => void }) {
  const { kind, record, fixed = {} } = request;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(kind, record ?? fixed));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [labels, setLabels] = useState<Record<string, string>>(request.labels ?? {});
  const form = useRef<HTMLFormElement>(null);
  const noun = kindNouns[kind];

  // A new version starts from the organisation's default destruction rule (Settings), as the CLI and
  // the Data Uses Register import do, rather than the schema's 30 days.
  const startsFromSettings = kind === 'dsaVersion' && !record;
  useEffect(() => {
    if (!startsFromSettings) return;
    let live = true;
    void call('settings.get', {}).then((result) => {
      if (!live || !result.ok) return;
      const rule = draftFrom(kind, { destructionRule: result.value.defaultDestructionRule }).destructionRule;
      setDraft((current) => ({ ...current, destructionRule: rule, destructionRuleIsDefault: true }));
    });
    return () => {
      live = false;
    };
  }, [kind, startsFromSettings]);

  const focusFirstProblem = () => showFirstProblem(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateDraft(kind, { ...draft, ...fixed }, record);
    if (!checked.ok) {
      setErrors(checked.errors);
      const count = Object.keys(checked.errors).length;
      setSummary(`${count === 1 ? 'One field needs' : `${count} fields need`} attention: see the message${count === 1 ? '' : 's'} below. Nothing has been saved.`);
      focusFirstProblem();
      return;
    }
    setSaving(true);
    const result = await saveRecord(kind, record?.id ?? null, checked.record);
    setSaving(false);
    if (!result.ok) {
      const field = fieldErrorFromServer(kind, result.error.message);
      setErrors(field ? { [field.key]: field.message } : {});
      setSummary(field ? 'The register refused this: see the message below. Nothing has been saved.' : `${result.error.message} Nothing has been saved.`);
      focusFirstProblem();
      return;
    }
    onSaved?.(result.value);
    onClose();
  };

  const fields = visibleFields(kind, draft).filter((spec) => !(spec.name in fixed));
  const fixedSpecs = formSpecs[kind].filter((spec) => spec.name in fixed);
  const wide = fields.length > 8;
  return (
    <Modal title={request.title ?? (record ? `Edit ${noun}` : `New ${noun}`)} onClose={onClose} wide={wide}>
      <form ref={form} className="record-form" onSubmit={onSubmit} noValidate>
        {fixedSpecs.length ? (
          <dl className="fixed-fields">
            {fixedSpecs.map((spec) => (
              <div key={spec.name}>
                <dt>{spec.label}</dt>
                <dd>{labels[fixed[spec.name]!] ?? fixed[spec.name]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {summary ? (
          <p role="alert" className="error-banner">
            {summary}
          </p>
        ) : null}
        <div className={wide ? 'form-grid' : 'form-stack'}>
          {fields.map((spec) => (
            <FieldControl
              key={spec.name}
              kind={kind}
              spec={spec}
              draft={draft}
              value={draft[spec.name]}
              errors={errors}
              labels={labels}
              rememberLabel={(id, label) => setLabels((l) => ({ ...l, [id]: label }))}
              onChange={(value) => {
                // Choosing a rule makes it the agreement's own, no longer the default from Settings.
                setDraft((d) => ({ ...d, [spec.name]: value, ...(kind === 'dsaVersion' && spec.name === 'destructionRule' ? { destructionRuleIsDefault: false } : {}) }));
                setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key.split(/[.[]/)[0] !== spec.name)));
              }}
            />
          ))}
        </div>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : record ? 'Save changes' : `Add ${noun}`}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
