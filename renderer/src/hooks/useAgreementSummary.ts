import { useEffect, useState } from 'react';
import type { AgreementSummary } from '../../../shared/register/agreement-summary';
import { call } from '../api/client';
import { useRegisterChanges } from '../stores/register-changes-store';

export type LoadedSummary = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; summary: AgreementSummary };

/** An agreement's summary (register.agreementSummary), reloaded after any change to the register. */
export function useAgreementSummary(dsaId: string): LoadedSummary {
  const revision = useRegisterChanges((s) => s.revision);
  const key = `${dsaId}/${revision}`;
  const [state, setState] = useState<{ key: string; loaded: LoadedSummary }>({ key: '', loaded: { status: 'loading' } });
  useEffect(() => {
    let current = true;
    void call('register.agreementSummary', { dsaId }).then((result) => {
      if (current) setState({ key, loaded: result.ok ? { status: 'ready', summary: result.value } : { status: 'error', message: result.error.message } });
    });
    return () => {
      current = false;
    };
  }, [dsaId, key]);
  // The last answer for the same agreement stays while a reload after a change is on its way.
  return state.key === key || (state.loaded.status === 'ready' && state.key.startsWith(`${dsaId}/`)) ? state.loaded : { status: 'loading' };
}
