import { useEffect, useState } from 'react';
import type { Finding } from '../../../shared/register/findings';
import { call } from '../api/client';
import { useRegisterChanges } from '../stores/register-changes-store';

export type FindingsAbout = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; findings: Finding[] };

/** Which findings: those naming any of these records, or those belonging to an agreement. */
export type FindingsAboutQuery = { subjectIds: readonly string[] } | { dsaId: string };

/**
 * The findings naming any of the given records, or an agreement's findings as its audit report
 * counts them (main decides which records are the agreement's), asked of main (which computes the
 * findings once per change to the register) rather than fetching all of them here: a large register
 * has thousands. Reloaded after any change to the register.
 */
export function useFindingsAbout(query: FindingsAboutQuery): FindingsAbout {
  const revision = useRegisterChanges((s) => s.revision);
  // The query as one value, so a new array with the same ids does not ask again.
  const idsJson = JSON.stringify('dsaId' in query ? { dsaId: query.dsaId } : { subjectIds: query.subjectIds });
  const key = `${revision}/${idsJson}`;
  const [state, setState] = useState<{ key: string; about: FindingsAbout }>({ key: '', about: { status: 'loading' } });
  useEffect(() => {
    let current = true;
    void call('findings.list', JSON.parse(idsJson) as { subjectIds: string[] } | { dsaId: string }).then((result) => {
      if (!current) return;
      setState({ key, about: result.ok ? { status: 'ready', findings: result.value.findings } : { status: 'error', message: result.error.message } });
    });
    return () => {
      current = false;
    };
  }, [key, idsJson]);
  // Keep the last answer about the same records on screen while a reload after a change is on its way.
  return state.key === key || (state.about.status === 'ready' && state.key.endsWith(`/${idsJson}`)) ? state.about : { status: 'loading' };
}
