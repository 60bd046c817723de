import { useCallback, useState } from 'react';
import type { FindingsFilter } from '../../../shared/findings/findings-query';
import type { Finding } from '../../../shared/register/findings';
import { call } from '../api/client';
import { useRegisterChanges } from '../stores/register-changes-store';

/** Findings fetched per "Show more": a register without its approvals entered has one per copy (100,000). */
export const MORE_FINDINGS = 200;

export interface MoreFindings {
  /** The overview's first few, then every page asked for since. */
  shown: readonly Finding[];
  /** How many the next "Show more" brings. */
  next: number;
  loadMore: () => void;
  loading: boolean;
  error: string | null;
}

interface PagesState {
  key: string;
  /** The overview's first few these pages extend: a reloaded overview starts again. */
  base: readonly Finding[];
  extra: Finding[];
  loading: boolean;
  error: string | null;
}

/**
 * The dashboard's findings of one severity or code beyond the overview's first few, a page at a
 * time on request, on the same date as the overview. A change to the register, or a reloaded
 * overview, starts again from its first few. Incident clocks can move a finding between severities
 * between two pages (a notification with a day left becomes high), so a finding already shown is not
 * shown twice.
 */
export function useMoreFindings(filter: Pick<FindingsFilter, 'severity' | 'code' | 'asOf'>, first: readonly Finding[], total: number): MoreFindings {
  const revision = useRegisterChanges((s) => s.revision);
  const filterJson = JSON.stringify(filter);
  const key = `${revision}/${filterJson}`;
  const [state, setState] = useState<PagesState>({ key, base: first, extra: [], loading: false, error: null });
  const current = state.key === key && state.base === first ? state : { key, base: first, extra: [], loading: false, error: null };
  const shown = current.extra.length ? [...first, ...current.extra] : first;
  const offset = shown.length;
  const loadMore = useCallback(() => {
    const fresh = (now: PagesState) => now.key === key && now.base === first;
    setState((now) => ({ ...(fresh(now) ? now : { key, base: first, extra: [] }), loading: true, error: null }));
    const request = { ...(JSON.parse(filterJson) as FindingsFilter), offset, limit: MORE_FINDINGS };
    void call('findings.list', request).then((result) => {
      setState((now) => {
        if (!fresh(now)) return now; // the register or the overview changed meanwhile: this page belongs to the old one
        if (!result.ok) return { ...now, loading: false, error: result.error.message };
        const seen = new Set([...first, ...now.extra].map((f) => f.id));
        return { ...now, extra: [...now.extra, ...result.value.findings.filter((f) => !seen.has(f.id))], loading: false, error: null };
      });
    });
  }, [key, filterJson, offset, first]);
  return { shown, next: Math.min(MORE_FINDINGS, total - offset), loadMore, loading: current.loading, error: current.error };
}
