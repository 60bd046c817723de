import { useId, useRef, useState, type FormEvent } from 'react';
import { useShowProblemWhen } from '../forms/follow-through';
import type { CopyStatus } from '../../../shared/destruction/destruction-api';
import { destructionOutcomes, methodSuggestions, methodTypeHints, methodTypes, outcomeLabels, type DestructionOutcome, type MethodType } from '../../../shared/destruction/destruction-record';
import { useDestructionStore } from '../stores/destruction-store';
import { fieldOfMessage } from './field-labels';
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

/** How one copy was destroyed: the fields a certificate of destruction states, and its evidence. */
export function RecordDestructionForm({ copy }: { copy: CopyStatus }) {
  const { evidence, chooseEvidence, removeEvidence, record, startRecording, saving, formError } = useDestructionStore();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const id = useId();
  const ids = (name: keyof Draft | 'suggestions') => `${id}-${name}`;
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problem = formError ? fieldOfMessage(formError) : null;
  const invalid = (field: keyof Draft) => (problem?.field === field ? true : undefined);
  const form = useRef<HTMLFormElement>(null);
  useShowProblemWhen(form, formError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const exception = draft.outcome === 'destroyed-with-exceptions';
    await record({
      copyId: copy.copy.id,
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
    });
  };

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
    <form ref={form} className="form destruction-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Record destruction: {copy.copy.label}</h3>
      <p className="hint">{copy.pathOrDescription ? `Recorded path or description: ${copy.pathOrDescription}` : 'No path or description is recorded for this copy.'}</p>
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
      <div className="field">
        <span className="field-label">Evidence files</span>
        <p className="hint">Copied into Custodian’s evidence store with their SHA-256; your files are not moved or changed.</p>
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
          {saving ? 'Recording…' : 'Record destruction'}
        </button>
        <button type="button" onClick={() => startRecording(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
