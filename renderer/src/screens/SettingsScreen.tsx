import { useId, useState, type FormEvent } from 'react';
import { settingsSchema, themeChoices, type Settings } from '../../../shared/settings/settings';
import { ScreenHeader } from '../components/ScreenHeader';
import { useSettingsStore } from '../stores/settings-store';

const themeLabels: Record<Settings['theme'], string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings);
  // A new form whenever the stored settings change (loaded, or saved elsewhere), so the draft starts from them.
  return <SettingsForm key={JSON.stringify(settings)} initial={settings} />;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { status, error, save, savedAt } = useSettingsStore();
  const [draft, setDraft] = useState<Settings>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Settings, string>>>({});
  const ids = { name: useId(), org: useId(), theme: useId() };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(draft);
    if (!parsed.success) {
      const errors: Partial<Record<keyof Settings, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof Settings] = issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    await save(parsed.data);
  };

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  return (
    <>
      <ScreenHeader title="Settings" />
      <form className="form" onSubmit={onSubmit} noValidate>
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
        <div className="form-actions">
          <button type="submit" className="primary" disabled={status === 'saving'}>
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
    </>
  );
}
