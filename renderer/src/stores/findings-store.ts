import { create } from 'zustand';
import type { Finding } from '../../../shared/register/findings';
import { call } from '../api/client';

/**
 * The register's findings on today's date, as `findings.list` computes them in main. One copy for
 * the whole app: the dashboard and every detail screen's "findings about this" read it, and it is
 * reloaded after each change to the register.
 */
interface FindingsState {
  asOf: string | null;
  findings: Finding[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** The register revision the findings were computed for. */
  revision: number;
  /** Loads unless already loaded for this revision; `fresh` loads anyway (the dashboard, which must not show an old answer). */
  load: (revision: number, fresh?: boolean) => Promise<void>;
  reset: () => void;
}

const initialState = { asOf: null, findings: [] as Finding[], status: 'idle' as const, error: null, revision: -1 };
let latest = 0;

export const useFindingsStore = create<FindingsState>()((set, get) => ({
  ...initialState,
  load: async (revision, fresh = false) => {
    if (!fresh && get().revision === revision && get().status !== 'error') return;
    const ticket = ++latest;
    set({ status: 'loading', error: null, revision });
    const result = await call('findings.list', {});
    if (ticket !== latest) return;
    if (result.ok) set({ status: 'ready', asOf: result.value.asOf, findings: result.value.findings });
    else set({ status: 'error', error: result.error.message, revision: -1 });
  },
  reset: () => {
    latest++;
    set(initialState);
  },
}));
