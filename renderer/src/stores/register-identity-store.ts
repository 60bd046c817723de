import { create } from 'zustand';
import type { RegisterIdentity } from '../../../shared/app/app-info';
import { actionLock, type TeamAction } from '../../../shared/app/team-actions';
import { call } from '../api/client';

interface RegisterIdentityState {
  register: RegisterIdentity | null;
  load: () => Promise<void>;
}

/** Which register is open and who is signed in to it: read once, as it cannot change while the app runs. */
export const useRegisterIdentityStore = create<RegisterIdentityState>()((set, get) => ({
  register: null,
  load: async () => {
    if (get().register) return;
    const result = await call('app.info', {});
    if (result.ok) set({ register: result.value.register });
  },
}));

/**
 * What an action's button needs to be offered only when the signed-in person's roles allow it
 * (shared/app/team-actions.ts): nothing, or disabled with the reason as its title. Everything is
 * allowed until the register is known, and always on a file.
 */
export function useActionLock(action: TeamAction): { disabled?: true; title?: string } {
  const register = useRegisterIdentityStore((s) => s.register);
  return actionLock(register, action);
}
