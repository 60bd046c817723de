import { create } from 'zustand';
import type { RegisterSummary } from '../../../shared/dashboard/register-summary';
import type { Deadline } from '../../../shared/register/deadlines';
import { call } from '../api/client';

/** How far ahead the dashboard's timeline looks. */
export const TIMELINE_DAYS = 365;

/**
 * The dashboard's counts (live holdings and copies) and upcoming deadlines, on the user's date.
 * The findings come from the shared findings store.
 */
interface DashboardState {
  summary: RegisterSummary | null;
  deadlines: Deadline[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load: () => Promise<void>;
  reset: () => void;
}

const initialState = { summary: null, deadlines: [] as Deadline[], status: 'idle' as const, error: null };
let latest = 0;

export const useDashboardStore = create<DashboardState>()((set) => ({
  ...initialState,
  load: async () => {
    const ticket = ++latest;
    set({ status: 'loading', error: null });
    const [summary, deadlines] = await Promise.all([call('dashboard.summary', {}), call('deadlines.upcoming', { horizonDays: TIMELINE_DAYS })]);
    if (ticket !== latest) return;
    if (!summary.ok || !deadlines.ok) {
      set({ status: 'error', error: (!summary.ok ? summary.error : !deadlines.ok ? deadlines.error : null)?.message ?? null });
      return;
    }
    set({ status: 'ready', summary: summary.value, deadlines: deadlines.value.deadlines });
  },
  reset: () => {
    latest++;
    set(initialState);
  },
}));
