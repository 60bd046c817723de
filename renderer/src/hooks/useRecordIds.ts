import { useEffect, useState } from 'react';
import type { ApiRequest } from '../../../shared/ipc/contract';
import { MAX_PAGE_SIZE, type ListFilterName } from '../../../shared/register/register-api';
import type { RecordKind } from '../../../shared/register/records';
import { call } from '../api/client';
import { useRegisterChanges } from '../stores/register-changes-store';

/** Enough for any one agreement's holdings; a bound on what a detail screen asks for. */
const MAX_IDS = 10 * MAX_PAGE_SIZE;

/**
 * The ids of every record of a kind under a filter (a DSA's holdings), a page at a time, so a
 * detail screen can pick out the findings about them. Reloaded after any change to the register.
 */
export function useRecordIds(kind: RecordKind, filter: ListFilterName, value: string): string[] {
  const revision = useRegisterChanges((s) => s.revision);
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    void (async () => {
      const found: string[] = [];
      for (let offset = 0; offset < MAX_IDS; offset += MAX_PAGE_SIZE) {
        const result = await call('register.list', { kind, offset, limit: MAX_PAGE_SIZE, filters: { [filter]: value } } as ApiRequest<'register.list'>);
        if (!result.ok) break;
        found.push(...result.value.records.map((r) => r.id));
        if (found.length >= result.value.total) break;
      }
      if (current) setIds(found);
    })();
    return () => {
      current = false;
    };
  }, [kind, filter, value, revision]);
  return ids;
}
