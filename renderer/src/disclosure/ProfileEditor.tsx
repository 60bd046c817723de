import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { builtinProfiles } from '../../../shared/disclosure/builtin-profiles';
import { decideCell } from '../../../shared/disclosure/cell-rules';
import { describeProfileRules } from '../../../shared/disclosure/describe-profile';
import { disclosureProfileSchema, suppressedRangeSize, type DisclosureProfile } from '../../../shared/disclosure/profile';
import { tieRuleDescriptions, tieRules, type TieRule } from '../../../shared/disclosure/rounding';
import { Modal } from '../components/Modal';
import { useDisclosureStore } from '../stores/disclosure-store';

/** What every control in the form receives from its field: its id, hint and error wiring. */
interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** The form's fields as typed: text until the profile schema has checked them. */
interface Draft {
  id: string;
  name: string;
  version: string;
  description: string;
  suppress: boolean;
  min: string;
  max: string;
  zeros: 'show' | 'suppress';
  marker: string;
  rounding: boolean;
  base: string;
  tie: TieRule;
  national: 'exempt' | 'same-as-local';
  totals: 'from-true-counts' | 'sum-of-published';
  secondary: boolean;
  width: string;
  percentBasis: 'rounded' | 'unrounded';
  percentDecimals: string;
  sourceTitle: string;
  sourceUrl: string;
  verification: string;
}

function draftFrom(profile: DisclosureProfile, copy: boolean): Draft {
  return {
    id: copy ? `${profile.id}-local` : profile.id,
    name: copy ? `${profile.name} (local)` : profile.name,
    version: String(profile.version),
    description: profile.description,
    suppress: profile.suppression !== null,
    min: String(profile.suppression?.min ?? 1),
    max: String(profile.suppression?.max ?? 5),
    zeros: profile.zeros,
    marker: profile.marker,
    rounding: profile.rounding !== null,
    base: String(profile.rounding?.base ?? 5),
    tie: profile.rounding?.tie ?? 'half-away-from-zero',
    national: profile.national,
    totals: profile.totals,
    secondary: profile.secondarySuppression,
    width: String(profile.protectionWidth),
    percentBasis: profile.percentages.basis,
    percentDecimals: String(profile.percentages.decimals),
    sourceTitle: profile.sources[0]?.title ?? '',
    sourceUrl: profile.sources[0]?.url ?? '',
    verification: profile.verification,
  };
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function profileFrom(draft: Draft): unknown {
  return {
    id: draft.id.trim(),
    version: toNumber(draft.version),
    name: draft.name,
    description: draft.description,
    sources: draft.sourceTitle.trim() ? [{ title: draft.sourceTitle, publisher: null, url: draft.sourceUrl.trim() || null }] : [],
    verification: draft.verification,
    suppression: draft.suppress ? { min: toNumber(draft.min), max: toNumber(draft.max) } : null,
    zeros: draft.zeros,
    marker: draft.marker,
    rounding: draft.rounding ? { base: toNumber(draft.base), tie: draft.tie } : null,
    national: draft.national,
    totals: draft.totals,
    secondarySuppression: draft.secondary,
    protectionWidth: toNumber(draft.width),
    percentages: { basis: draft.percentBasis, decimals: toNumber(draft.percentDecimals) },
  };
}

/** Counts that show each rule's edges in the live preview. */
const sampleCounts = [0, 1, 3, 4, 5, 7, 8, 9, 10, 12, 13, 15, 25, 98];

/**
 * Builds a custom profile, checks it with the same schema as the built-in ones, shows what it does
 * to sample counts as you type, and saves it as a JSON file (main asks where).
 */
export function ProfileEditor({ onClose }: { onClose: () => void }) {
  const saveProfile = useDisclosureStore((s) => s.saveProfile);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(builtinProfiles[2]!, true));
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const baseId = useId();
  const parsed = useMemo(() => disclosureProfileSchema.safeParse(profileFrom(draft)), [draft]);
  // Errors show once the user has tried to save, and then follow every change they make.
  const errors = useMemo(() => {
    const found: Record<string, string> = {};
    if (attempted && !parsed.success) for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message;
    return found;
  }, [attempted, parsed]);
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!parsed.success) return;
    setSaving(true);
    const saved = await saveProfile(parsed.data);
    setSaving(false);
    if (saved) onClose();
  };

  const field = (key: string, label: string, control: (props: ControlProps) => ReactNode, hint?: string) => (
    <Field key={key} name={key} label={label} error={errors[key]} hint={hint} control={control} />
  );

  return (
    <Modal title="New custom disclosure profile" onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <div className="modal-body profile-editor">
          <div className="field">
            <label htmlFor={baseId}>Start from</label>
            <select id={baseId} defaultValue={builtinProfiles[2]!.id} onChange={(e) => setDraft(draftFrom(builtinProfiles.find((p) => p.id === e.target.value)!, true))}>
              {builtinProfiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>Identity</legend>
            {field('name', 'Name', (a) => <input {...a} value={draft.name} onChange={(e) => update('name', e.target.value)} />)}
            {field('id', 'Id', (a) => <input {...a} value={draft.id} onChange={(e) => update('id', e.target.value)} />, 'Lower-case letters, digits and hyphens; used by the custodian command and by datasets.')}
            {field('version', 'Version', (a) => <input {...a} inputMode="numeric" value={draft.version} onChange={(e) => update('version', e.target.value)} />, 'Increase it whenever a rule changes; every report records it.')}
          </fieldset>
          <fieldset>
            <legend>Suppression</legend>
            <label className="check">
              <input type="checkbox" checked={draft.suppress} onChange={(e) => update('suppress', e.target.checked)} /> Suppress small counts
            </label>
            {draft.suppress ? (
              <div className="inline-fields">
                {field('suppression.min', 'From', (a) => <input {...a} inputMode="numeric" value={draft.min} onChange={(e) => update('min', e.target.value)} />)}
                {field('suppression.max', 'To', (a) => <input {...a} inputMode="numeric" value={draft.max} onChange={(e) => update('max', e.target.value)} />)}
              </div>
            ) : null}
            {field('zeros', 'Zeros', (a) => (
              <select {...a} value={draft.zeros} onChange={(e) => update('zeros', e.target.value as Draft['zeros'])}>
                <option value="show">Shown as 0</option>
                <option value="suppress">Suppressed (a zero is disclosive)</option>
              </select>
            ))}
            {field('marker', 'Marker', (a) => <input {...a} value={draft.marker} onChange={(e) => update('marker', e.target.value)} />)}
            <label className="check">
              <input type="checkbox" checked={draft.secondary} onChange={(e) => update('secondary', e.target.checked)} /> Complementary suppression (needed when
              counts are not rounded and the table has totals)
            </label>
            {field(
              'protectionWidth',
              'Protection width',
              (a) => <input {...a} inputMode="numeric" value={draft.width} onChange={(e) => update('width', e.target.value)} />,
              `The attacker must not narrow a suppressed count to fewer values than this. The size of the suppressed range is ${parsed.success ? suppressedRangeSize(parsed.data) : '—'}.`,
            )}
          </fieldset>
          <fieldset>
            <legend>Rounding, totals and national rows</legend>
            <label className="check">
              <input type="checkbox" checked={draft.rounding} onChange={(e) => update('rounding', e.target.checked)} /> Round other counts
            </label>
            {draft.rounding ? (
              <div className="inline-fields">
                {field('rounding.base', 'To the nearest', (a) => <input {...a} inputMode="numeric" value={draft.base} onChange={(e) => update('base', e.target.value)} />)}
                {field('rounding.tie', 'Halves', (a) => (
                  <select {...a} value={draft.tie} onChange={(e) => update('tie', e.target.value as TieRule)}>
                    {tieRules.map((t) => (
                      <option key={t} value={t}>
                        {tieRuleDescriptions[t]}
                      </option>
                    ))}
                  </select>
                ))}
              </div>
            ) : null}
            {field('totals', 'Totals', (a) => (
              <select {...a} value={draft.totals} onChange={(e) => update('totals', e.target.value as Draft['totals'])}>
                <option value="from-true-counts">Computed from the true counts, then protected on their own</option>
                <option value="sum-of-published">The sum of the published cells</option>
              </select>
            ))}
            {field('national', 'National rows', (a) => (
              <select {...a} value={draft.national} onChange={(e) => update('national', e.target.value as Draft['national'])}>
                <option value="exempt">Shown exactly</option>
                <option value="same-as-local">Treated like the others</option>
              </select>
            ))}
            <div className="inline-fields">
              {field('percentages.basis', 'Percentages from', (a) => (
                <select {...a} value={draft.percentBasis} onChange={(e) => update('percentBasis', e.target.value as Draft['percentBasis'])}>
                  <option value="unrounded">Unrounded counts</option>
                  <option value="rounded">Rounded counts</option>
                </select>
              ))}
              {field('percentages.decimals', 'Decimals', (a) => <input {...a} inputMode="numeric" value={draft.percentDecimals} onChange={(e) => update('percentDecimals', e.target.value)} />)}
            </div>
          </fieldset>
          <fieldset>
            <legend>Where the rules come from</legend>
            {field('sources.0.title', 'Source', (a) => <input {...a} value={draft.sourceTitle} onChange={(e) => update('sourceTitle', e.target.value)} />, 'The agreement clause or guidance these rules follow.')}
            {field('sources.0.url', 'Source address (optional)', (a) => <input {...a} value={draft.sourceUrl} onChange={(e) => update('sourceUrl', e.target.value)} />)}
            {field('verification', 'How it was checked', (a) => <textarea {...a} rows={2} value={draft.verification} onChange={(e) => update('verification', e.target.value)} />)}
          </fieldset>
          <section className="profile-preview" aria-label="What this profile does">
            <h3>What it does</h3>
            {parsed.success ? (
              <>
                <ul>
                  {describeProfileRules(parsed.data).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <table className="data-table sample-table">
                  <caption>Sample counts below national level</caption>
                  <tbody>
                    <tr>
                      <th scope="row">Count</th>
                      {sampleCounts.map((n) => (
                        <td key={n}>{n}</td>
                      ))}
                    </tr>
                    <tr>
                      <th scope="row">Published</th>
                      {sampleCounts.map((n) => (
                        <td key={n}>{decideCell(n, parsed.data, false).published ?? parsed.data.marker}</td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </>
            ) : (
              <p className="hint">Correct the highlighted fields to see the effect: {parsed.error.issues[0]?.path.join('.')}: {parsed.error.issues[0]?.message}</p>
            )}
          </section>
        </div>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save profile file…'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

function Field({
  name,
  label,
  error,
  hint,
  control,
}: {
  name: string;
  label: string;
  error: string | undefined;
  hint: string | undefined;
  control: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const props: ControlProps = { id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) };
  return (
    <div className="field" data-field={name}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control(props)}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
