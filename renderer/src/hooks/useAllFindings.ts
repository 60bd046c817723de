import { useEffect, useState } from 'react';
import type { FindingsFilter } from '../../../shared/findings/findings-query';
import type { Finding } from '../../../shared/register/findings';
import { call } from '../api/client';
import { useRegisterChanges } from '../stores/register-changes-store';

/**
 * Every finding of one severity or code, for a "Show all" the user pressed: asked of main only when
 * `request` is above 0 (null until then), again each time it goes up (a retry after an error), on
 * the same date as the overview it expands.
 */
export function useAllFindings(filter: Pick<FindingsFilter, 'severity' | 'code' | 'asOf'>, request: number): { findings: Finding[] | null; error: string | null } {
  const [state, setState] = useState<{ key: string; findings: Finding[] | null; error: string | null }>({ key: '', findings: null, error: null });
  const filterJson = JSON.stringify(filter);
  // Asked again after a change to the register, like the overview it expands.
  const revision = useRegisterChanges((s) => s.revision);
  const key = `${request}/${revision}/${filterJson}`;
  useEffect(() => {
    if (request === 0) return;
    let current = true;
    void call('findings.list', JSON.parse(filterJson) as FindingsFilter).then((result) => {
      if (current) setState(result.ok ? { key, findings: result.value.findings, error: null } : { key, findings: null, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [key, filterJson, request]);
  return state.key === key ? state : { findings: null, error: null };
}
