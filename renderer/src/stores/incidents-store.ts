import { create } from 'zustand';
import type { ApiRequest, ApiResponse } from '../../../shared/ipc/contract';
import type { IncidentDetail } from '../../../shared/incidents/incident-api';
import type { IncidentFields, IncidentFieldsInput } from '../../../shared/incidents/incident-records';
import type { IncidentSettings, IncidentSettingsPatch } from '../../../shared/incidents/incident-settings';
import type { IncidentStatus } from '../../../shared/incidents/incident-vocabulary';
import type { Result } from '../../../shared/ipc/result';
import { call } from '../api/client';

type ListItem = ApiResponse<'incidents.list'>['incidents'][number];
type Status = 'idle' | 'loading' | 'ready' | 'error';

/** What the detail area shows: nothing, the form for a new incident (maybe pre-filled), or one incident. */
export type IncidentView =
  | { kind: 'none' }
  | { kind: 'new'; fields: IncidentFieldsInput | null; labels: Record<string, string>; fromFinding: string | null }
  | { kind: 'incident'; detail: IncidentDetail };

interface IncidentsState {
  list: ListItem[];
  listStatus: Status;
  view: IncidentView;
  settings: IncidentSettings | null;
  /** A one-line confirmation of the last thing done ("Notification to the ICO logged."). */
  message: string | null;
  /** The last refusal or failure, as the service worded it, with what to do. */
  error: string | null;
  busy: boolean;
  /** When the data shown last arrived: clocks never show a time earlier than this. */
  dataAt: number;
  loadList: () => Promise<void>;
  loadSettings: () => Promise<void>;
  open: (id: string) => Promise<void>;
  startNew: () => void;
  startFromFinding: (findingId: string) => Promise<void>;
  close: () => void;
  create: (fields: IncidentFields) => Promise<IncidentDetail | null>;
  update: (id: string, fields: IncidentFields) => Promise<boolean>;
  assess: (request: ApiRequest<'incidents.assess'>) => Promise<boolean>;
  recordNotification: (request: ApiRequest<'incidents.recordNotification'>) => Promise<boolean>;
  recordAction: (request: ApiRequest<'incidents.recordAction'>) => Promise<boolean>;
  setStatus: (id: string, status: IncidentStatus, lessonsLearned?: string | null) => Promise<boolean>;
  saveSettings: (patch: IncidentSettingsPatch) => Promise<boolean>;
  exportReport: (id: string) => Promise<void>;
  exportLog: (format: 'xlsx' | 'csv') => Promise<void>;
  dismiss: () => void;
  reset: () => void;
}

export const initialIncidentsState = {
  list: [] as ListItem[],
  listStatus: 'idle' as Status,
  view: { kind: 'none' } as IncidentView,
  settings: null as IncidentSettings | null,
  message: null as string | null,
  error: null as string | null,
  busy: false,
  dataAt: 0,
};

export const useIncidentsStore = create<IncidentsState>()((set, get) => {
  /** Runs a write that answers with the incident as it now is, shows it, refreshes the list, and says so. */
  async function write(run: () => Promise<Result<IncidentDetail>>, done: string): Promise<boolean> {
    set({ busy: true, error: null, message: null });
    const result = await run();
    if (!result.ok) {
      set({ busy: false, error: result.error.message });
      return false;
    }
    set({ busy: false, view: { kind: 'incident', detail: result.value }, message: done, dataAt: Date.now() });
    void get().loadList();
    return true;
  }

  return {
    ...initialIncidentsState,
    loadList: async () => {
      if (get().list.length === 0) set({ listStatus: 'loading' });
      const result = await call('incidents.list', {});
      if (result.ok) set({ list: result.value.incidents, listStatus: 'ready', dataAt: Date.now() });
      else set({ listStatus: 'error', error: result.error.message });
    },
    loadSettings: async () => {
      const result = await call('incidents.settings.get', {});
      if (result.ok) set({ settings: result.value });
      else set({ error: result.error.message });
    },
    open: async (id) => {
      set({ busy: true, error: null });
      const result = await call('incidents.get', { id });
      if (!result.ok) {
        set({ busy: false, view: { kind: 'none' }, error: result.error.message });
        return;
      }
      set({ busy: false, view: { kind: 'incident', detail: result.value }, dataAt: Date.now() });
      // The list may be older than what was just opened (a link from elsewhere, another window).
      void get().loadList();
    },
    startNew: () => set({ view: { kind: 'new', fields: null, labels: {}, fromFinding: null }, message: null, error: null }),
    startFromFinding: async (findingId) => {
      set({ busy: true, error: null, message: null });
      const result = await call('incidents.draftFromFinding', { findingId });
      if (result.ok) {
        set({ busy: false, view: { kind: 'new', fields: result.value.fields, labels: result.value.labels, fromFinding: findingId } });
      } else set({ busy: false, view: { kind: 'none' }, error: result.error.message });
    },
    close: () => set({ view: { kind: 'none' } }),
    create: async (fields) => {
      set({ busy: true, error: null, message: null });
      const result = await call('incidents.create', { fields });
      if (!result.ok) {
        set({ busy: false, error: result.error.message });
        return null;
      }
      set({ busy: false, dataAt: Date.now(), view: { kind: 'incident', detail: result.value }, message: `Incident ${result.value.incident.reference} recorded. Its clocks are running.` });
      void get().loadList();
      return result.value;
    },
    update: (id, fields) => write(() => call('incidents.update', { id, fields }), 'Incident details saved.'),
    assess: (request) => write(() => call('incidents.assess', request), 'Assessment saved.'),
    recordNotification: (request) => write(() => call('incidents.recordNotification', request), 'Notification logged.'),
    recordAction: (request) => write(() => call('incidents.recordAction', request), 'Action saved.'),
    setStatus: (id, status, lessonsLearned) =>
      write(
        () => call('incidents.setStatus', { id, status, ...(lessonsLearned !== undefined ? { lessonsLearned } : {}) }),
        status === 'closed' ? 'Incident closed.' : status === 'contained' ? 'Incident marked contained.' : 'Incident reopened.',
      ),
    saveSettings: async (patch) => {
      set({ busy: true, error: null, message: null });
      const result = await call('incidents.settings.update', patch);
      if (!result.ok) {
        set({ busy: false, error: result.error.message });
        return false;
      }
      set({ busy: false, settings: result.value, message: 'Incident settings saved.' });
      void get().loadList();
      return true;
    },
    exportReport: async (id) => {
      set({ busy: true, error: null, message: null });
      const result = await call('incidents.exportReport', { id });
      if (!result.ok) set({ busy: false, error: result.error.message });
      else set({ busy: false, message: 'path' in result.value ? `Incident report saved to ${result.value.path}.` : 'Export cancelled: nothing was saved.' });
    },
    exportLog: async (format) => {
      set({ busy: true, error: null, message: null });
      const result = await call('incidents.exportLog', { format });
      if (!result.ok) set({ busy: false, error: result.error.message });
      else set({ busy: false, message: 'path' in result.value ? `Breach log saved to ${result.value.path}.` : 'Export cancelled: nothing was saved.' });
    },
    dismiss: () => set({ message: null, error: null }),
    reset: () => set(initialIncidentsState),
  };
});
