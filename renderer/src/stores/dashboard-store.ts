import { create } from 'zustand';
import type { RegisterSummary } from '../../../shared/dashboard/register-summary';
import type { FindingsOverview } from '../../../shared/findings/findings-query';
import type { Deadline } from '../../../shared/register/deadlines';
import { call } from '../api/client';

/** How far ahead the dashboard's timeline looks. */
export const TIMELINE_DAYS = 365;

/**
 * The overview's first few per severity and of the overdue obligations: the findings themselves are
 * the findings table's (findings.table); the overview gives the counts and the overdue obligations'
 * side panel, which draws 20.
 */
export const FIRST_FINDINGS = 20;

/**
 * The dashboard's counts (live holdings and copies), findings (counts by severity and the first
 * few of each) and upcoming deadlines, on the user's date. Three calls in parallel; main answers
 * the findings and deadlines from one computation per change to the register.
 */
interface DashboardState {
  summary: RegisterSummary | null;
  findings: FindingsOverview | null;
  deadlines: Deadline[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load: () => Promise<void>;
  reset: () => void;
}

const initialState = { summary: null, findings: null, deadlines: [] as Deadline[], status: 'idle' as const, error: null };
let latest = 0;

export const useDashboardStore = create<DashboardState>()((set) => ({
  ...initialState,
  load: async () => {
    const ticket = ++latest;
    set({ status: 'loading', error: null });
    const [summary, findings, deadlines] = await Promise.all([
      call('dashboard.summary', {}),
      call('findings.overview', { first: FIRST_FINDINGS }),
      call('deadlines.upcoming', { horizonDays: TIMELINE_DAYS }),
    ]);
    if (ticket !== latest) return;
    const failed = [summary, findings, deadlines].find((r) => !r.ok);
    if (failed && !failed.ok) {
      set({ status: 'error', error: failed.error.message });
      return;
    }
    if (summary.ok && findings.ok && deadlines.ok) set({ status: 'ready', summary: summary.value, findings: findings.value, deadlines: deadlines.value.deadlines });
  },
  reset: () => {
    latest++;
    set(initialState);
  },
}));
