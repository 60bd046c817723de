import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../shared/audit/audit-api';
import type { ApiRequest } from '../../../shared/ipc/contract';
import { call } from '../api/client';

export interface AuditFilters {
  kind: string;
  recordId: string;
  action: string;
  search: string;
  /** Local calendar dates, both included. */
  fromDate: string;
  toDate: string;
}

const PAGE = 50;
const emptyFilters: AuditFilters = { kind: '', recordId: '', action: '', search: '', fromDate: '', toDate: '' };

/** The start of a local calendar day as an instant; `days` later for the exclusive end of a range. */
export function startOfLocalDay(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).toISOString();
}

/**
 * The Audit log screen: filtered entries, newest first, a page at a time, and the result of the
 * last chain verification.
 */
interface AuditState {
  filters: AuditFilters;
  offset: number;
  limit: number;
  entries: AuditEntry[];
  /** What the screens call the records the entries name, by id (from main: audit.list). */
  labels: Record<string, string>;
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  verification: AuditVerification | null;
  verifying: boolean;
  verifyError: string | null;
  load: () => Promise<void>;
  setFilter: <F extends keyof AuditFilters>(name: F, value: AuditFilters[F]) => void;
  clearFilters: () => void;
  setOffset: (offset: number) => void;
  verify: () => Promise<void>;
  reset: () => void;
}

const initialState = {
  filters: emptyFilters,
  offset: 0,
  limit: PAGE,
  entries: [] as AuditEntry[],
  labels: {} as Record<string, string>,
  total: 0,
  status: 'idle' as const,
  error: null,
  verification: null,
  verifying: false,
  verifyError: null,
};
let latest = 0;

export const useAuditStore = create<AuditState>()((set, get) => ({
  ...initialState,
  load: async () => {
    const ticket = ++latest;
    const { filters, offset, limit } = get();
    set({ status: 'loading', error: null });
    const request: ApiRequest<'audit.list'> = {
      offset,
      limit,
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.recordId.trim() ? { recordId: filters.recordId.trim() } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
      ...(filters.fromDate ? { from: startOfLocalDay(filters.fromDate) } : {}),
      ...(filters.toDate ? { until: startOfLocalDay(filters.toDate, 1) } : {}),
    };
    const result = await call('audit.list', request);
    if (ticket !== latest) return;
    if (result.ok) set({ status: 'ready', entries: result.value.entries, labels: result.value.labels, total: result.value.total });
    else set({ status: 'error', error: result.error.message });
  },
  setFilter: (name, value) => {
    set((s) => ({ filters: { ...s.filters, [name]: value }, offset: 0 }));
    void get().load();
  },
  clearFilters: () => {
    set({ filters: emptyFilters, offset: 0 });
    void get().load();
  },
  setOffset: (offset) => {
    set({ offset: Math.max(0, offset) });
    void get().load();
  },
  verify: async () => {
    set({ verifying: true, verifyError: null });
    const result = await call('audit.verify', {});
    if (result.ok) set({ verifying: false, verification: result.value });
    else set({ verifying: false, verification: null, verifyError: result.error.message });
  },
  reset: () => {
    latest++;
    set(initialState);
  },
}));
