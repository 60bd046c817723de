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
  extra: Finding[];
  loading: boolean;
  error: string | null;
}

/**
 * The dashboard's findings of one severity or code beyond the overview's first few, a page at a
 * time on request, on the same date as the overview. A change to the register reloads the overview
 * and starts again from its first few.
 */
export function useMoreFindings(filter: Pick<FindingsFilter, 'severity' | 'code' | 'asOf'>, first: readonly Finding[], total: number): MoreFindings {
  const revision = useRegisterChanges((s) => s.revision);
  const filterJson = JSON.stringify(filter);
  const key = `${revision}/${filterJson}`;
  const [state, setState] = useState<PagesState>({ key, extra: [], loading: false, error: null });
  const current = state.key === key ? state : { key, extra: [], loading: false, error: null };
  const shown = current.extra.length ? [...first, ...current.extra] : first;
  const offset = shown.length;
  const loadMore = useCallback(() => {
    setState((now) => ({ ...(now.key === key ? now : { key, extra: [] }), loading: true, error: null }));
    const request = { ...(JSON.parse(filterJson) as FindingsFilter), offset, limit: MORE_FINDINGS };
    void call('findings.list', request).then((result) => {
      setState((now) => {
        if (now.key !== key) return now; // the register changed meanwhile: this page belongs to the old one
        return result.ok ? { key, extra: [...now.extra, ...result.value.findings], loading: false, error: null } : { ...now, loading: false, error: result.error.message };
      });
    });
  }, [key, filterJson, offset]);
  return { shown, next: Math.min(MORE_FINDINGS, total - offset), loadMore, loading: current.loading, error: current.error };
}
