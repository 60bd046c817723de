import { create } from 'zustand';
import { defaultTotalLabel, splitTotalLabels } from '../../../shared/disclosure/table';
import { maxDroppedBytes, type DisclosureInputInfo, type DisclosureJobStatus } from '../../../shared/disclosure/disclosure-api';
import type { DisclosureProfile } from '../../../shared/disclosure/profile';
import { call } from '../api/client';

/**
 * The Disclosure screen's state: the open table, the chosen rules, the preview job and the export
 * job. Long jobs run in main's worker; this store polls their status until they finish, so the
 * progress bar moves and Cancel works.
 */
export interface NationalChoice {
  column: string;
  value: string;
}

interface Rules {
  sheet: string | null;
  profileId: string;
  holdingId: string | null;
  totalLabel: string;
  national: NationalChoice | null;
  percentages: boolean;
}

interface DisclosureState extends Rules {
  profiles: { builtin: DisclosureProfile[]; custom: DisclosureProfile[] } | null;
  input: DisclosureInputInfo | null;
  /** Set when the profile came from the chosen holding's dataset. */
  profileSource: string | null;
  preview: DisclosureJobStatus | null;
  /** The rules the current preview was made with, to tell when it is out of date. */
  previewRules: string | null;
  exportJob: DisclosureJobStatus | null;
  opening: boolean;
  error: string | null;
  loadProfiles: () => Promise<void>;
  chooseFile: () => Promise<void>;
  dropFile: (file: File) => Promise<void>;
  setRules: (rules: Partial<Rules>) => void;
  chooseHolding: (holdingId: string | null, datasetProfileId: string | null, datasetName: string | null) => void;
  startPreview: () => Promise<void>;
  cancel: () => Promise<void>;
  exportAs: (format: 'csv' | 'xlsx') => Promise<void>;
  openProfileFile: () => Promise<void>;
  saveProfile: (profile: DisclosureProfile) => Promise<boolean>;
  reset: () => void;
}

export const initialState = {
  profiles: null,
  input: null,
  sheet: null,
  profileId: 'nhs-secondary-care',
  holdingId: null,
  totalLabel: defaultTotalLabel,
  national: null,
  percentages: false,
  profileSource: null,
  preview: null,
  previewRules: null,
  exportJob: null,
  opening: false,
  error: null,
} satisfies Partial<DisclosureState>;

/** Each reset or new job bumps this, so an old polling loop stops instead of overwriting newer state. */
let generation = 0;
const pollEvery = 200;

export const rulesKey = (state: Rules & { input: DisclosureInputInfo | null }) =>
  JSON.stringify([state.input?.token, state.sheet, state.profileId, state.holdingId, state.totalLabel, state.national, state.percentages]);

export const useDisclosureStore = create<DisclosureState>()((set, get) => {
  async function follow(jobId: string, slot: 'preview' | 'exportJob'): Promise<void> {
    const mine = generation;
    for (;;) {
      const result = await call('disclosure.status', { jobId });
      if (mine !== generation) return;
      if (!result.ok) {
        set({ error: result.error.message, [slot]: null });
        return;
      }
      set({ [slot]: result.value } as Partial<DisclosureState>);
      if (result.value.state !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, pollEvery));
    }
  }

  const opened = (input: DisclosureInputInfo) => {
    generation++;
    set({ input, sheet: input.sheets.length > 1 ? input.sheets[0]! : null, preview: null, previewRules: null, exportJob: null, national: null, error: null });
  };

  return {
    ...initialState,

    loadProfiles: async () => {
      const result = await call('disclosure.profiles', {});
      if (result.ok) set({ profiles: result.value });
      else set({ error: result.error.message });
    },

    chooseFile: async () => {
      set({ opening: true, error: null });
      const result = await call('disclosure.chooseInput', {});
      set({ opening: false });
      if (!result.ok) set({ error: result.error.message });
      else if (result.value) {
        opened(result.value);
        await get().startPreview();
      }
    },

    dropFile: async (file) => {
      if (file.size > maxDroppedBytes) {
        set({ error: `${file.name} is larger than 20 MB, too large to drop. Use “Open a table…”, which reads it from disk in a stream.` });
        return;
      }
      set({ opening: true, error: null });
      const base64 = await toBase64(file);
      const result = await call('disclosure.dropInput', { name: file.name, base64 });
      set({ opening: false });
      if (!result.ok) set({ error: result.error.message });
      else {
        opened(result.value);
        await get().startPreview();
      }
    },

    setRules: (rules) => set({ ...rules, ...(rules.profileId !== undefined ? { profileSource: null } : {}) }),

    chooseHolding: (holdingId, datasetProfileId, datasetName) => {
      const known = get().profiles;
      const usable = datasetProfileId && known && [...known.builtin, ...known.custom].some((p) => p.id === datasetProfileId);
      if (holdingId && datasetProfileId && !usable) {
        set({
          holdingId,
          error: `The dataset ${datasetName ?? ''} requires the profile “${datasetProfileId}”, which this copy of Custodian does not have. Open its profile file, or correct the dataset.`,
        });
        return;
      }
      set({
        holdingId,
        ...(usable ? { profileId: datasetProfileId, profileSource: datasetName } : { profileSource: null }),
        error: null,
      });
    },

    startPreview: async () => {
      const state = get();
      if (!state.input) return;
      generation++;
      set({ error: null, exportJob: null, preview: null });
      const result = await call('disclosure.start', {
        token: state.input.token,
        sheet: state.sheet,
        profileId: state.profileId,
        totalLabels: splitTotalLabels(state.totalLabel),
        national: state.national,
        holdingId: state.holdingId,
        percentages: state.percentages,
      });
      if (!result.ok) {
        set({ error: result.error.message });
        return;
      }
      set({ previewRules: rulesKey(state) });
      await follow(result.value.jobId, 'preview');
    },

    cancel: async () => {
      const { preview, exportJob } = get();
      const running = exportJob?.state === 'running' ? exportJob : preview?.state === 'running' ? preview : null;
      if (!running) return;
      const result = await call('disclosure.cancel', { jobId: running.jobId });
      if (!result.ok) set({ error: result.error.message });
    },

    exportAs: async (format) => {
      const { preview } = get();
      if (!preview || preview.state !== 'done') return;
      set({ error: null });
      const result = await call('disclosure.export', { jobId: preview.jobId, format });
      if (!result.ok) set({ error: result.error.message });
      else if (result.value) await follow(result.value.jobId, 'exportJob');
    },

    openProfileFile: async () => {
      const result = await call('disclosure.openProfile', {});
      if (!result.ok) set({ error: result.error.message });
      else if (result.value) set({ profiles: result.value.profiles, profileId: result.value.profile.id, profileSource: null, error: null });
    },

    saveProfile: async (profile) => {
      const result = await call('disclosure.saveProfile', { profile });
      if (!result.ok) {
        set({ error: result.error.message });
        return false;
      }
      if (!result.value) return false;
      set({ profiles: result.value.profiles, profileId: profile.id, profileSource: null, error: null });
      return true;
    },

    reset: () => {
      generation++;
      set(initialState);
    },
  };
});

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
