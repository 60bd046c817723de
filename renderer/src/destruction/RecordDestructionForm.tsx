import { useId, useRef, useState, type FormEvent } from 'react';
import { useShowProblemWhen } from '../forms/follow-through';
import { destructionOutcomes, methodSuggestions, methodTypeHints, methodTypes, outcomeLabels, type DestructionOutcome, type MethodType } from '../../../shared/destruction/destruction-record';
import { Modal } from '../components/Modal';
import { useDestructionStore, type DestructionFields, type RecordingTarget } from '../stores/destruction-store';
import { fieldOfMessage } from './field-labels';
import './destruction.css';
import { withLocalOffset } from './local-date-time';

interface Draft {
  methodType: MethodType;
  method: string;
  tool: string;
  toolVersion: string;
  performedAt: string;
  operator: string;
  verificationMethod: string;
  verificationResult: string;
  outcome: DestructionOutcome;
  exceptionReason: string;
  exceptionEndDate: string;
  notes: string;
  sanitisationStandard: string;
  cryptographicErase: boolean;
  keyHandling: string;
  validationMethod: string;
  validationResult: string;
}

const emptyDraft: Draft = {
  methodType: 'Purge',
  method: '',
  tool: '',
  toolVersion: '',
  performedAt: '',
  operator: '',
  verificationMethod: '',
  verificationResult: '',
  outcome: 'destroyed',
  exceptionReason: '',
  exceptionEndDate: '',
  notes: '',
  sanitisationStandard: '',
  cryptographicErase: false,
  keyHandling: '',
  validationMethod: '',
  validationResult: '',
};

/** What one copy may answer differently from the rest (issue 11: overridable per copy). */
const overridable = ['operator', 'performedAt', 'method', 'verificationResult'] as const;
type Override = Partial<Record<(typeof overridable)[number], string>>;
const overrideLabels: Record<(typeof overridable)[number], string> = { operator: 'Operator', performedAt: 'Date and time', method: 'Method used', verificationResult: 'Verification result' };

/** The form's title: the copy, or how many copies of which holding. */
export function recordingTitle(target: RecordingTarget): string {
  if (target.copies.length === 1) return `Record destruction: ${target.copies[0]!.copy.label}`;
  return `Record destruction of ${target.copies.length} copies${target.holding ? ` of ${target.holding.label}` : ''}`;
}

/**
 * How copies were destroyed, in a dialog that opens where the user asked (the worklist, the copies
 * table, a holding's page) and takes the focus: the fields a certificate of destruction states,
 * answered once for every copy and overridable per copy, and evidence attached once for them all.
 * The one way to say a copy is destroyed: the copy's destroyed date follows from the record.
 */
export function RecordDestructionDialog() {
  const recording = useDestructionStore((s) => s.recording);
  const startRecording = useDestructionStore((s) => s.startRecording);
  if (!recording) return null;
  return (
    <Modal title={recordingTitle(recording)} onClose={() => startRecording(null)} wide>
      <RecordDestructionForm target={recording} />
    </Modal>
  );
}

function RecordDestructionForm({ target }: { target: RecordingTarget }) {
  const { evidence, chooseEvidence, removeEvidence, record, startRecording, saving, formError } = useDestructionStore();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const form = useRef<HTMLFormElement>(null);
  useShowProblemWhen(form, formError);
  const id = useId();
  const ids = (name: keyof Draft | 'suggestions') => `${id}-${name}`;
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problem = formError ? fieldOfMessage(formError) : null;
  const invalid = (field: keyof Draft) => (problem?.field === field ? true : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const exception = draft.outcome === 'destroyed-with-exceptions';
    const perCopy: Record<string, DestructionFields> = {};
    for (const [copyId, given] of Object.entries(overrides)) {
      const fields: DestructionFields = {};
      for (const name of overridable) {
        const value = given[name]?.trim();
        if (value) fields[name] = name === 'performedAt' ? withLocalOffset(value) : value;
      }
      if (Object.keys(fields).length) perCopy[copyId] = fields;
    }
    await record({
      methodType: draft.methodType,
      method: draft.method,
      tool: draft.tool || null,
      toolVersion: draft.toolVersion || null,
      performedAt: withLocalOffset(draft.performedAt),
      operator: draft.operator,
      verificationMethod: draft.verificationMethod,
      verificationResult: draft.verificationResult,
      outcome: draft.outcome,
      exceptionReason: exception ? draft.exceptionReason || null : null,
      exceptionEndDate: exception ? draft.exceptionEndDate || null : null,
      notes: draft.notes || null,
      sanitisationStandard: draft.sanitisationStandard || null,
      cryptographicErase: draft.cryptographicErase,
      keyHandling: draft.cryptographicErase ? draft.keyHandling || null : null,
      validationMethod: draft.validationMethod || null,
      validationResult: draft.validationResult || null,
    }, perCopy);
  };
  const single = target.copies.length === 1 ? target.copies[0]! : null;

  const text = (field: keyof Draft, label: string, options: { hint?: string; required?: boolean; type?: string; list?: string } = {}) => (
    <div className="field">
      <label htmlFor={ids(field)}>
        {label}
        {options.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {options.hint ? (
        <p className="hint" id={`${ids(field)}-hint`}>
          {options.hint}
        </p>
      ) : null}
      <input
        id={ids(field)}
        type={options.type ?? 'text'}
        list={options.list}
        value={draft[field] as string}
        required={options.required}
        aria-invalid={invalid(field)}
        aria-describedby={options.hint ? `${ids(field)}-hint` : undefined}
        onChange={(e) => update(field, e.target.value as never)}
      />
    </div>
  );

  return (
    <form ref={form} className="form destruction-form" onSubmit={submit} noValidate aria-label={recordingTitle(target)}>
      {single ? (
        <p className="hint">{single.pathOrDescription ? `Recorded path or description: ${single.pathOrDescription}` : 'No path or description is recorded for this copy.'}</p>
      ) : (
        <p className="hint">{`The answers below apply to all ${target.copies.length} copies; open a copy below to give it a different operator, date, method or verification result.`}</p>
      )}
      <div className="destruction-form-grid">
        <div className="field">
          <label htmlFor={ids('methodType')}>Method type *</label>
          <p className="hint" id={`${ids('methodType')}-hint`}>
            {methodTypeHints[draft.methodType]}
          </p>
          <select id={ids('methodType')} value={draft.methodType} aria-describedby={`${ids('methodType')}-hint`} onChange={(e) => update('methodType', e.target.value as MethodType)}>
            {methodTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        {text('method', 'Method used', { required: true, list: ids('suggestions'), hint: 'e.g. overwrite, crypto erase, cloud object deletion, physical shredding' })}
        <datalist id={ids('suggestions')}>
          {methodSuggestions.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        {text('tool', 'Tool')}
        {text('toolVersion', 'Tool version')}
        {text('performedAt', 'Date and time', { required: true, type: 'datetime-local', hint: 'Your local time; it is stored with your UTC offset.' })}
        {text('operator', 'Operator', { required: true, hint: 'Who destroyed it' })}
        {text('verificationMethod', 'Verification method', { required: true })}
        {text('verificationResult', 'Verification result', { required: true })}
        {text('sanitisationStandard', 'Sanitisation standard or technique', { hint: 'NIST SP 800-88 Rev. 2 asks which was followed, e.g. IEEE 2883-2022' })}
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={draft.cryptographicErase} onChange={(e) => update('cryptographicErase', e.target.checked)} /> Cryptographic erase used
          </label>
        </div>
        {draft.cryptographicErase ? text('keyHandling', 'Key handling', { required: true, hint: 'How the encryption key was destroyed, e.g. deleted from the KMS and its backups' }) : null}
        {text('validationMethod', 'Validation performed', { hint: 'e.g. sample read-back by a second person' })}
        {text('validationResult', 'Validation result')}
        <fieldset className="field destruction-outcome">
          <legend>Outcome *</legend>
          {destructionOutcomes.map((o) => (
            <label key={o} className="radio">
              <input type="radio" name={ids('outcome')} value={o} checked={draft.outcome === o} onChange={() => update('outcome', o)} /> {outcomeLabels[o]}
            </label>
          ))}
        </fieldset>
        {draft.outcome === 'destroyed-with-exceptions' ? (
          <>
            {text('exceptionReason', 'Exception reason', { required: true, hint: 'What remains and why, e.g. backups that age out' })}
            {text('exceptionEndDate', 'Exception end date', { required: true, type: 'date', hint: 'When the exception ends' })}
          </>
        ) : null}
        {text('notes', 'Notes')}
      </div>
      {single ? null : (
        <ul className="destruction-copies-list" aria-label="Copies recorded">
          {target.copies.map(({ copy, pathOrDescription }) => (
            <li key={copy.id}>
              <details>
                <summary>
                  {copy.label}
                  {pathOrDescription ? <span className="hint">{` · ${pathOrDescription}`}</span> : null}
                  {Object.values(overrides[copy.id] ?? {}).some((v) => v?.trim()) ? <span className="badge badge-info">Different</span> : null}
                </summary>
                <div className="destruction-override-grid">
                  {overridable.map((name) => (
                    <div className="field" key={name}>
                      <label htmlFor={`${id}-${copy.id}-${name}`}>{`${overrideLabels[name]} for this copy`}</label>
                      <input
                        id={`${id}-${copy.id}-${name}`}
                        type={name === 'performedAt' ? 'datetime-local' : 'text'}
                        aria-label={`${overrideLabels[name]} for ${copy.label}`}
                        value={overrides[copy.id]?.[name] ?? ''}
                        onChange={(e) => setOverrides((o) => ({ ...o, [copy.id]: { ...o[copy.id], [name]: e.target.value } }))}
                      />
                    </div>
                  ))}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <span className="field-label">Evidence files</span>
        <p className="hint">
          Copied into Custodian’s evidence store with their SHA-256, once, and linked to {single ? 'the record' : `each of the ${target.copies.length} records`}; your files are not moved or changed.
        </p>
        {evidence.length ? (
          <ul className="destruction-evidence">
            {evidence.map((e) => (
              <li key={e.token}>
                {e.fileName}{' '}
                <button type="button" className="link-button" onClick={() => removeEvidence(e.token)} aria-label={`Remove ${e.fileName}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div>
          <button type="button" onClick={() => void chooseEvidence()}>
            Attach evidence…
          </button>
        </div>
      </div>
      {problem ? (
        <p role="alert" className="error-banner">
          {problem.text}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Recording…' : single ? 'Record destruction' : `Record destruction of ${target.copies.length} copies`}
        </button>
        <button type="button" onClick={() => startRecording(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
