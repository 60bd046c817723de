import { create } from 'zustand';
import type { RegisterIdentity } from '../../../shared/app/app-info';
import { registerPermissions, type RegisterPermissions } from '../../../shared/app/team-roles';
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

const everything: RegisterPermissions = { records: true, destruction: true, certificates: true };

/** What the signed-in person may change; everything until the register is known (a file allows everything). */
export function useRegisterPermissions(): RegisterPermissions {
  const register = useRegisterIdentityStore((s) => s.register);
  return register ? registerPermissions(register) : everything;
}

export const needsIgLead = 'Your role in this team register does not allow this: it needs the IG lead role.';
