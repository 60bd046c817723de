import { useId } from 'react';
import { describeProfileRules } from '../../../shared/disclosure/describe-profile';
import { splitTotalLabels } from '../../../shared/disclosure/table';
import { call } from '../api/client';
import { rulesKey, useDisclosureStore } from '../stores/disclosure-store';
import { HoldingPicker, type HoldingOption } from './HoldingPicker';

/** Step 2: which rules. The profile defaults from the holding's dataset when the agreement fixes one. */
export function RulesPanel({ onNewProfile }: { onNewProfile: () => void }) {
  const store = useDisclosureStore();
  const { profiles, profileId, profileSource, holdingId, totalLabel, national, percentages, input, preview, previewRules } = store;
  const ids = { profile: useId(), total: useId(), nationalColumn: useId(), nationalValue: useId(), percentages: useId() };
  const all = profiles ? [...profiles.builtin, ...profiles.custom] : [];
  const profile = all.find((p) => p.id === profileId);
  const labelColumns = preview?.result?.report.input.labelColumns ?? [];
  const stale = preview !== null && previewRules !== rulesKey(store);
  const running = preview?.state === 'running' || store.exportJob?.state === 'running';

  const chooseHolding = async (holding: HoldingOption | null) => {
    if (!holding) {
      store.chooseHolding(null, null, null);
      return;
    }
    const dataset = await call('register.get', { kind: 'dataset', id: holding.datasetId });
    if (dataset.ok && dataset.value.kind === 'dataset') {
      store.chooseHolding(holding.id, dataset.value.record.disclosureProfileId, dataset.value.label);
    } else {
      store.chooseHolding(holding.id, null, null);
    }
  };

  return (
    <section className="disclosure-step" aria-labelledby="disclosure-rules-heading">
      <h2 id="disclosure-rules-heading">2. The rules</h2>
      <div className="rules-grid">
        <HoldingPicker value={holdingId} onChange={(holding) => void chooseHolding(holding)} />
        <div className="field">
          <label htmlFor={ids.profile}>Disclosure profile</label>
          <select id={ids.profile} value={profileId} onChange={(e) => store.setRules({ profileId: e.target.value })} aria-describedby={`${ids.profile}-rules`}>
            <optgroup label="Built in">
              {profiles?.builtin.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.id})
                </option>
              ))}
            </optgroup>
            {profiles && profiles.custom.length > 0 ? (
              <optgroup label="Custom">
                {profiles.custom.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.id})
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          <div className="profile-actions">
            <button type="button" onClick={onNewProfile}>
              New custom profile…
            </button>
            <button type="button" onClick={() => void store.openProfileFile()}>
              Open profile file…
            </button>
          </div>
        </div>
      </div>
      {profile ? (
        <div className="profile-rules" id={`${ids.profile}-rules`}>
          {profileSource ? <p className="profile-source">Set by the dataset {profileSource}.</p> : null}
          <ul>
            {describeProfileRules(profile).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="hint">
            Version {profile.version}. {profile.sources.length > 0 ? `Source: ${profile.sources.map((s) => s.title).join('; ')}.` : ''}
          </p>
        </div>
      ) : null}
      <details className="rules-more">
        <summary>Totals and national rows</summary>
        <div className="rules-grid">
          <div className="field">
            <label htmlFor={ids.total}>Labels that mark totals</label>
            <input id={ids.total} value={totalLabel} maxLength={100} onChange={(e) => store.setRules({ totalLabel: e.target.value })} />
            <p className="hint">A row labelled with one totals its group; a count column headed with one totals the row. Separate several with commas (Total, All).</p>
          </div>
          <div className="field">
            <label htmlFor={ids.nationalColumn}>National rows: column</label>
            <select
              id={ids.nationalColumn}
              value={national?.column ?? ''}
              disabled={labelColumns.length === 0}
              onChange={(e) => store.setRules({ national: e.target.value ? { column: e.target.value, value: national?.value ?? '' } : null })}
            >
              <option value="">None</option>
              {labelColumns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <p className="hint">{labelColumns.length === 0 ? 'Preview the table first to choose one of its columns.' : 'Rows with this label are national figures.'}</p>
          </div>
          <div className="field">
            <label className="check" htmlFor={ids.percentages}>
              <input id={ids.percentages} type="checkbox" checked={percentages} onChange={(e) => store.setRules({ percentages: e.target.checked })} />
              Add row percentages
            </label>
            <p className="hint">
              Each count column’s share of the Total column, from {profile?.percentages.basis ?? 'unrounded'} counts to {profile?.percentages.decimals ?? 0}{' '}
              decimals; {profile?.marker ?? '*'} where a count is suppressed. The audit takes them into account.
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.nationalValue}>National rows: label</label>
            <input
              id={ids.nationalValue}
              value={national?.value ?? ''}
              disabled={!national}
              placeholder="England"
              onChange={(e) => national && store.setRules({ national: { column: national.column, value: e.target.value } })}
            />
          </div>
        </div>
      </details>
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={!input || running || (national !== null && !national.value.trim()) || splitTotalLabels(totalLabel).length === 0}
          onClick={() => void store.startPreview()}
        >
          {preview ? 'Preview again' : 'Preview'}
        </button>
        {stale && !running ? <p className="hint warning-text">The rules changed since this preview: preview again before exporting.</p> : null}
      </div>
    </section>
  );
}
