import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/ipc/contract';
import type { RecordKind } from '../../../shared/register/records';
import { call } from '../api/client';
import { useRegisterChanges } from '../stores/register-changes-store';

export type RecordDetail = ApiResponse<'register.get'>;
export type LoadedRecord = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; detail: RecordDetail };

/** One record with its label, the labels of what it refers to and what refers to it; reloaded after any change. */
export function useRecord(kind: RecordKind, id: string): LoadedRecord {
  const revision = useRegisterChanges((s) => s.revision);
  const [state, setState] = useState<{ key: string; loaded: LoadedRecord }>({ key: '', loaded: { status: 'loading' } });
  const key = `${kind}/${id}/${revision}`;
  useEffect(() => {
    let current = true;
    void call('register.get', { kind, id }).then((result) => {
      if (!current) return;
      setState({ key, loaded: result.ok ? { status: 'ready', detail: result.value } : { status: 'error', message: result.error.message } });
    });
    return () => {
      current = false;
    };
  }, [kind, id, key]);
  // Keep showing the last answer for the same record while a reload after a change is on its way.
  if (state.key === key || (state.loaded.status === 'ready' && state.key.startsWith(`${kind}/${id}/`))) return state.loaded;
  return { status: 'loading' };
}
