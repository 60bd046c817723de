import { useEffect, useState } from 'react';
import { ScreenHeader } from '../components/ScreenHeader';
import { ExportPanel } from '../disclosure/ExportPanel';
import { FirstRowsTable } from '../disclosure/FirstRows';
import { InputPanel } from '../disclosure/InputPanel';
import { ProfileEditor } from '../disclosure/ProfileEditor';
import { ProgressPanel } from '../disclosure/ProgressPanel';
import { RulesPanel } from '../disclosure/RulesPanel';
import { SideBySide } from '../disclosure/SideBySide';
import { SummaryPanel } from '../disclosure/SummaryPanel';
import { rulesKey, useDisclosureStore } from '../stores/disclosure-store';
import '../disclosure/disclosure.css';

/**
 * Disclosure control of a table before it leaves: open it, choose the rules (from the holding's
 * dataset where the agreement fixes them), preview original and published side by side with the
 * attacker's verdict, and export values only with a report.
 */
export function DisclosureScreen() {
  const store = useDisclosureStore();
  const { preview, error, loadProfiles, profiles, cancel } = store;
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!profiles) void loadProfiles();
  }, [profiles, loadProfiles]);
  const stale = preview !== null && store.previewRules !== rulesKey(store);

  return (
    <>
      <ScreenHeader title="Disclosure" />
      <p className="lede">
        Apply a data set’s disclosure rules to a table of counts, check the result against an attacker who knows the rules and every total, and export it
        safely. The original never leaves this computer; the report never contains a suppressed count.
      </p>
      {error ? (
        <p role="alert" className="error-banner disclosure-error">
          {error}
        </p>
      ) : null}
      <div className="disclosure-steps">
        <InputPanel />
        <RulesPanel onNewProfile={() => setEditing(true)} />
      </div>
      {preview?.state === 'running' ? <ProgressPanel job={preview} label="Preview progress" onCancel={() => void cancel()} /> : null}
      {preview?.state === 'running' && preview.firstRows ? <FirstRowsTable firstRows={preview.firstRows} /> : null}
      {preview?.state === 'cancelled' ? <p role="status">Preview cancelled.</p> : null}
      {preview?.state === 'failed' ? (
        <p role="alert" className="error-banner disclosure-error">
          {preview.error} Correct the table and open it again.
        </p>
      ) : null}
      {preview?.state === 'done' && preview.result ? (
        <>
          <SummaryPanel result={preview.result} />
          <SideBySide preview={preview.result.preview} />
          <ExportPanel preview={preview} stale={stale} />
        </>
      ) : null}
      {editing ? <ProfileEditor onClose={() => setEditing(false)} /> : null}
    </>
  );
}
