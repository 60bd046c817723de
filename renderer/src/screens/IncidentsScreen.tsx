import { useEffect, useState, useSyncExternalStore } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ScreenHeader } from '../components/ScreenHeader';
import { useIncidentsStore } from '../stores/incidents-store';
import { IncidentDetailView } from './incidents/IncidentDetailView';
import { IncidentForm } from './incidents/IncidentForm';
import { incidentHref, incidentRouteOf } from '../navigation/incident-links';
import { IncidentList } from './incidents/IncidentList';
import { IncidentSettingsPanel } from './incidents/IncidentSettingsPanel';
import { useNow } from './incidents/useNow';
import { useActionLock } from '../stores/register-identity-store';
import { RoleReason } from '../components/RoleReason';
import '../styles/incidents.css';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * Incidents and breaches: the list with running clocks, one incident's notifications, assessment,
 * details, actions and closure, a new incident (blank, or pre-filled from a finding through
 * `#/incidents?fromFinding=<id>`), the breach log export and the incident settings.
 */
export function IncidentsScreen() {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  const ticked = useNow();
  const store = useIncidentsStore();
  const { list, listStatus, view, settings, message, error, busy, dataAt, loadList, loadSettings, open, startNew, startFromFinding, create, exportLog, saveSettings, dismiss } = store;
  const [showSettings, setShowSettings] = useState(false);

  useEffect(() => {
    void loadList();
    void loadSettings();
  }, [loadList, loadSettings]);

  // The address decides what the detail area shows, so links, Back and reload all work.
  useEffect(() => {
    const route = incidentRouteOf(hash);
    if (route.kind === 'incident') void open(route.id);
    else if (route.kind === 'fromFinding') void startFromFinding(route.findingId);
    else if (route.kind === 'new') startNew();
    else useIncidentsStore.setState({ view: { kind: 'none' } });
  }, [hash, open, startFromFinding, startNew]);

  const newLock = useActionLock('changeIncident');
  const exportLock = useActionLock('exportReport');
  // Data that arrived after the last tick is judged at least as late as it arrived.
  const now = dataAt > ticked.getTime() ? new Date(dataAt) : ticked;
  const selectedId = view.kind === 'incident' ? view.detail.incident.id : null;
  return (
    <div className="incidents-screen">
      <ScreenHeader title="Incidents">
        {/* A link cannot be disabled: a login that may not log an incident gets a disabled button saying why. */}
        {newLock.disabled ? (
          <button type="button" className="primary" {...newLock}>
            New incident
          </button>
        ) : (
          <a className="button primary" href="#/incidents/new">
            New incident
          </a>
        )}
        <button type="button" disabled={busy} {...exportLock} onClick={() => void exportLog('xlsx')}>
          Breach log (XLSX)
        </button>
        <button type="button" disabled={busy} {...exportLock} onClick={() => void exportLog('csv')}>
          Breach log (CSV)
        </button>
        <button type="button" aria-expanded={showSettings} onClick={() => setShowSettings((s) => !s)}>
          Incident settings
        </button>
      </ScreenHeader>
      <p className="lede">Record incidents and breaches, assess them on the DSPT grid, and notify NHS England (DARS) and the ICO on time: the ICO within 72 hours of becoming aware.</p>
      <RoleReason action="changeIncident" what="Logging, assessing, acting on and closing an incident" />
      <RoleReason action="notifyIncident" what="Recording an incident's notifications" />

      <div aria-live="polite" className="incident-messages">
        {message ? (
          <p role="status" className="status-banner">
            {message}{' '}
            <button type="button" className="link-button" onClick={dismiss}>
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
      {error ? (
        <div role="alert" className="error-banner">
          <p>{error}</p>
          <button type="button" className="link-button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}

      {showSettings && settings ? (
        <section className="panel" aria-labelledby="incident-settings-heading">
          <h2 id="incident-settings-heading">Incident settings</h2>
          <IncidentSettingsPanel settings={settings} busy={busy} onSave={(s) => saveSettings(s)} onClose={() => setShowSettings(false)} />
        </section>
      ) : null}

      {view.kind === 'new' && settings ? (
        <section className="panel" aria-labelledby="new-incident-heading">
          <h2 id="new-incident-heading">{view.fromFinding ? 'New incident from a finding' : 'New incident'}</h2>
          {view.fromFinding ? <p className="hint">Pre-filled from a finding on the Dashboard. Check every field, then save: the clocks start from “Became aware”.</p> : null}
          <IncidentForm
            key={view.fromFinding ?? 'blank'}
            initial={view.fields}
            initialLabels={view.labels}
            defaultZone={settings.defaultTimeZone}
            submitLabel="Record incident"
            busy={busy}
            onSave={async (fields) => {
              const created = await create(fields);
              if (created) location.hash = incidentHref(created.incident.id);
            }}
            onCancel={() => {
              location.hash = '#/incidents';
            }}
          />
        </section>
      ) : null}

      {view.kind === 'incident' && settings ? (
        <div className="panel">
          <IncidentDetailView key={view.detail.incident.id} detail={view.detail} settings={settings} now={now} />
        </div>
      ) : null}

      <section aria-labelledby="incident-list-heading" className="incident-list">
        <h2 id="incident-list-heading">All incidents</h2>
        {listStatus === 'loading' ? <p>Loading incidents…</p> : null}
        {listStatus === 'ready' && list.length === 0 ? (
          <EmptyState title="No incidents recorded">
            <p>
              When data is somewhere it should not be, or reaches someone it should not, record it with “New incident”, or open one from a finding on the Dashboard.
            </p>
          </EmptyState>
        ) : null}
        {list.length > 0 ? <IncidentList items={list} now={now} selectedId={selectedId} /> : null}
      </section>
    </div>
  );
}
