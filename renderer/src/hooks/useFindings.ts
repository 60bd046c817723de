import { useEffect } from 'react';
import { useFindingsStore } from '../stores/findings-store';
import { useRegisterChanges } from '../stores/register-changes-store';

/** The findings, loaded once per change to the register however many screens ask for them. */
export function useFindings() {
  const revision = useRegisterChanges((s) => s.revision);
  const load = useFindingsStore((s) => s.load);
  useEffect(() => {
    void load(revision);
  }, [load, revision]);
  return useFindingsStore();
}
