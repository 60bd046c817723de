import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShowProblemWhen } from '../forms/follow-through';
import type { DestructionOverview } from '../../../shared/destruction/destruction-api';
import type { RecordRef } from '../../../shared/register/record-labels';
import { call } from '../api/client';
import { useDestructionStore } from '../stores/destruction-store';
import { useActionLock } from '../stores/register-identity-store';
import { RecordLink } from '../components/RecordLink';

type PersonRole = 'recipient-dpo' | 'processor-dpo' | 'authorised-by' | 'carried-out-by' | 'validator';
interface Person {
  name: string;
  position: string;
  date: string;
}
/** The people the certificate names, in the order it prints them. */
const personRoles: readonly (readonly [PersonRole, string])[] = [
  ['recipient-dpo', 'Recipient’s data protection officer'],
  ['processor-dpo', 'Processor’s data protection officer'],
  ['authorised-by', 'Destruction authorised by'],
  ['carried-out-by', 'Destruction carried out by'],
  ['validator', 'Validated by'],
];

/** Choose an agreement version (and optionally holdings), who signs, and issue the certificate. */
export function IssueCertificateForm({ versions }: { versions: DestructionOverview['versions'] }) {
  const { issue, issueResult, saving } = useDestructionStore();
  const lock = useActionLock('issueCertificate');
  const id = useId();
  const [versionId, setVersionId] = useState(versions[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [fields, setFields] = useState({ reason: '', retained: '' });
  const [people, setPeople] = useState<Record<PersonRole, Person>>(() => Object.fromEntries(personRoles.map(([role]) => [role, { name: '', position: '', date: '' }])) as Record<PersonRole, Person>);
  const form = useRef<HTMLFormElement>(null);
  useShowProblemWhen(form, issueResult?.status === 'refused' ? issueResult : null);
  const version = versions.find((v) => v.id === versionId) ?? versions[0];
  // The chosen version's holdings, asked for when it is chosen: the screen gets only the versions' names.
  const [holdings, setHoldings] = useState<{ versionId: string; holdings: RecordRef[] } | { versionId: string; error: string } | null>(null);
  const chosenVersionId = version?.id;
  useEffect(() => {
    if (!chosenVersionId) return;
    let current = true;
    void call('destruction.versionHoldings', { versionId: chosenVersionId }).then((result) => {
      if (current) setHoldings(result.ok ? { versionId: chosenVersionId, holdings: result.value.holdings } : { versionId: chosenVersionId, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [chosenVersionId]);
  const shown = holdings?.versionId === chosenVersionId ? holdings : null;
  if (!version) return <p className="destruction-empty">No agreement version has holdings yet, so there is nothing to certify.</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await issue({
      versionId: version.id,
      holdingIds: chosen.length ? chosen : undefined,
      reason: fields.reason || null,
      retained: fields.retained || null,
      // Blank boxes print blank lines on the certificate, to be filled in by hand.
      signatories: Object.fromEntries(personRoles.map(([role]) => [role, { name: people[role].name || null, position: people[role].position || null, date: people[role].date || null }])),
    });
  };
  const input = (key: keyof typeof fields, label: string, hint?: string, multiline = false) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-${key}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea id={`${id}-${key}`} rows={2} value={fields[key]} aria-describedby={hint ? `${id}-${key}-hint` : undefined} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
      ) : (
        <input id={`${id}-${key}`} value={fields[key]} aria-describedby={hint ? `${id}-${key}-hint` : undefined} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
      )}
    </div>
  );

  return (
    <form ref={form} className="form destruction-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Issue a certificate of destruction</h3>
      <div className="destruction-form-grid">
        <div className="field">
          <label htmlFor={`${id}-version`}>Agreement version</label>
          <select
            id={`${id}-version`}
            value={version.id}
            onChange={(e) => {
              setVersionId(e.target.value);
              setChosen([]);
            }}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>Holdings</legend>
          <p className="hint">Leave all unticked to cover every holding of the version not yet certified.</p>
          {shown === null ? <p className="hint">Loading the version’s holdings…</p> : null}
          {shown && 'error' in shown ? (
            <p role="alert" className="error-banner">
              {shown.error}
            </p>
          ) : null}
          {shown && 'holdings' in shown
            ? shown.holdings.map((h) => (
                <label key={h.id} className="checkbox">
                  <input type="checkbox" checked={chosen.includes(h.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, h.id] : chosen.filter((x) => x !== h.id))} /> {h.label}
                </label>
              ))
            : null}
        </fieldset>
        {input('reason', 'Reason', 'Leave blank to state the agreement’s destruction rule.', true)}
        {input('retained', 'What is retained', 'e.g. aggregate outputs that passed disclosure control; blank means nothing is retained.', true)}
        {personRoles.map(([role, legend]) => (
          <fieldset key={role} className="field">
            <legend>{legend}</legend>
            {(
              [
                ['name', 'Name', 'text'],
                ['position', 'Role', 'text'],
                ['date', 'Date', 'date'],
              ] as const
            ).map(([key, label, type]) => (
              <div key={key} className="field">
                {/* The fieldset's legend names the person on screen; a screen reader hears it with each box. */}
                <label htmlFor={`${id}-${role}-${key}`}>
                  <span className="visually-hidden">{`${legend}: `}</span>
                  {label}
                </label>
                <input id={`${id}-${role}-${key}`} type={type} value={people[role][key]} onChange={(e) => setPeople({ ...people, [role]: { ...people[role], [key]: e.target.value } })} />
              </div>
            ))}
          </fieldset>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} {...lock}>
          {saving ? 'Issuing…' : 'Issue certificate…'}
        </button>
      </div>
      {issueResult?.status === 'refused' ? (
        <div role="alert" className="error-banner">
          <p>
            No certificate was issued for {issueResult.agreement}: these copies are neither destroyed nor covered by a dated exception. Record their destruction first (each link opens the copy).
          </p>
          <ul>
            {issueResult.liveCopies.map((l) => (
              <li key={l.copy.id}>
                <RecordLink kind="copy" id={l.copy.id} label={l.copy.label} />: {l.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {issueResult?.status === 'cancelled' ? <p className="hint">No certificate was issued: the save was cancelled.</p> : null}
    </form>
  );
}
