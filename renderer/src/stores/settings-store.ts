import { create } from 'zustand';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../shared/settings/settings';
import { call } from '../api/client';

type Status = 'idle' | 'loading' | 'ready' | 'saving' | 'error';

interface SettingsState {
  settings: Settings;
  status: Status;
  error: string | null;
  /** Set by a successful save, so the form can confirm it even though it is re-created. */
  savedAt: number | null;
  load: () => Promise<void>;
  save: (patch: SettingsPatch) => Promise<boolean>;
  reset: () => void;
}

const initialState = { settings: defaultSettings, status: 'idle' as Status, error: null, savedAt: null };

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initialState,
  load: async () => {
    set({ status: 'loading', error: null });
    const result = await call('settings.get', {});
    if (result.ok) set({ settings: result.value, status: 'ready' });
    else set({ status: 'error', error: result.error.message });
  },
  save: async (patch) => {
    set({ status: 'saving', error: null, savedAt: null });
    const result = await call('settings.update', patch);
    if (result.ok) {
      set({ settings: result.value, status: 'ready', savedAt: Date.now() });
      return true;
    }
    set({ status: 'error', error: result.error.message });
    return false;
  },
  reset: () => set(initialState),
}));
