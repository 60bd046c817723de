import { useId, useRef, useState, type FormEvent } from 'react';
import { showFirstProblem } from '../forms/follow-through';
import { settingsSchema, themeChoices, type Settings } from '../../../shared/settings/settings';
import { ScreenHeader } from '../components/ScreenHeader';
import { RegisterLocationSection } from './RegisterLocationSection';
import { useSettingsStore } from '../stores/settings-store';
import { useActionLock } from '../stores/register-identity-store';
import { RoleReason } from '../components/RoleReason';

const themeLabels: Record<Settings['theme'], string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings);
  // A new form whenever the stored settings change (loaded, or saved elsewhere), so the draft starts from them.
  return <SettingsForm key={JSON.stringify(settings)} initial={settings} />;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { status, error, save, savedAt } = useSettingsStore();
  const lock = useActionLock('changeSettings');
  const [draft, setDraft] = useState<Settings>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Settings, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  const ids = { name: useId(), org: useId(), theme: useId(), ruleKind: useId(), ruleCount: useId() };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(draft);
    if (!parsed.success) {
      const errors: Partial<Record<keyof Settings, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof Settings] = issue.message;
      setFieldErrors(errors);
      showFirstProblem(form);
      return;
    }
    setFieldErrors({});
    await save(parsed.data);
    showFirstProblem(form); // a refusal from main shows as the form's alert; nothing happens when it saved
  };

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  return (
    <>
      <ScreenHeader title="Settings" />
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.name}>Your display name</label>
          <p className="hint" id={`${ids.name}-hint`}>Recorded with your OS user name on every change you make to the register.</p>
          <input
            id={ids.name}
            value={draft.displayName}
            maxLength={200}
            aria-describedby={`${ids.name}-hint${fieldErrors.displayName ? ` ${ids.name}-error` : ''}`}
            aria-invalid={fieldErrors.displayName ? true : undefined}
            onChange={(e) => update('displayName', e.target.value)}
          />
          {fieldErrors.displayName ? <p className="field-error" id={`${ids.name}-error`}>{fieldErrors.displayName}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={ids.org}>Organisation</label>
          <input
            id={ids.org}
            value={draft.organisationName}
            maxLength={300}
            aria-invalid={fieldErrors.organisationName ? true : undefined}
            onChange={(e) => update('organisationName', e.target.value)}
          />
          {fieldErrors.organisationName ? <p className="field-error">{fieldErrors.organisationName}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={ids.theme}>Theme</label>
          <select id={ids.theme} value={draft.theme} onChange={(e) => update('theme', e.target.value as Settings['theme'])}>
            {themeChoices.map((choice) => (
              <option key={choice} value={choice}>
                {themeLabels[choice]}
              </option>
            ))}
          </select>
        </div>
        <DefaultRuleField
          rule={draft.defaultDestructionRule}
          ids={{ kind: ids.ruleKind, count: ids.ruleCount }}
          error={fieldErrors.defaultDestructionRule}
          onChange={(rule) => update('defaultDestructionRule', rule)}
        />
        <RoleReason action="changeSettings" what="Changing the settings" />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={status === 'saving'} {...lock}>
            {status === 'saving' ? 'Saving…' : 'Save settings'}
          </button>
          <p role="status" className="status-line">
            {savedAt && !dirty ? 'Settings saved.' : ''}
          </p>
        </div>
        {error ? (
          <p role="alert" className="error-banner">
            {error}
          </p>
        ) : null}
      </form>
      <RegisterLocationSection />
    </>
  );
}

type Rule = Settings['defaultDestructionRule'];

/**
 * The destruction rule a new version starts from (the version form, the CLI's `add version`, the
 * Data Uses Register import): N days after the end date, or each data year N weeks after the next
 * arrives. A fixed date belongs to one agreement, so it is set there, not here.
 */
function DefaultRuleField({ rule, ids, error, onChange }: { rule: Rule; ids: { kind: string; count: string }; error?: string; onChange: (rule: Rule) => void }) {
  const rolling = rule.kind === 'rolling';
  const count = rule.kind === 'rolling' ? rule.weeks : rule.kind === 'days-after-end' ? rule.days : 30;
  const withCount = (kind: 'days-after-end' | 'rolling', value: number): Rule => (kind === 'rolling' ? { kind, weeks: value } : { kind, days: value });
  return (
    <fieldset className="field group">
      <legend>Destruction rule for new agreement versions</legend>
      <p className="hint">Each version can still have its own; this is where a new one starts.</p>
      <div className="field">
        <label htmlFor={ids.kind}>Rule</label>
        <select id={ids.kind} value={rolling ? 'rolling' : 'days-after-end'} onChange={(e) => onChange(withCount(e.target.value as 'days-after-end' | 'rolling', count))}>
          <option value="days-after-end">Days after the end date</option>
          <option value="rolling">Weeks after the next data year arrives</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.count}>{rolling ? 'Weeks' : 'Days'}</label>
        <input
          id={ids.count}
          type="number"
          inputMode="numeric"
          min={0}
          value={Number.isFinite(count) ? count : ''}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(withCount(rolling ? 'rolling' : 'days-after-end', e.target.value === '' ? Number.NaN : Number(e.target.value)))}
        />
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    </fieldset>
  );
}
