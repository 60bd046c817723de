import { create } from 'zustand';

/**
 * A counter that every successful write to the register moves on. Lists, details and the dashboard
 * reload when it changes, so a copy added in a dialog shows at once in every open view without each
 * screen knowing who else is on screen.
 */
interface RegisterChangesState {
  revision: number;
  changed: () => void;
  reset: () => void;
}

const initialState = { revision: 0 };

export const useRegisterChanges = create<RegisterChangesState>()((set) => ({
  ...initialState,
  changed: () => set((s) => ({ revision: s.revision + 1 })),
  reset: () => set(initialState),
}));
