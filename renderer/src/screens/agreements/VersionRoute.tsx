import { useRecord } from '../../hooks/useRecord';
import { DsaDetail } from './DsaDetail';

/** A link to a DSA version opens its agreement with that version chosen. */
export function VersionRoute({ id }: { id: string }) {
  const loaded = useRecord('dsaVersion', id);
  if (loaded.status === 'loading') return <p className="muted">Loading…</p>;
  if (loaded.status === 'error')
    return (
      <p role="alert" className="error-banner">
        {loaded.message}
      </p>
    );
  const dsaId = loaded.detail.kind === 'dsaVersion' ? loaded.detail.record.dsaId : '';
  return <DsaDetail id={dsaId} versionId={id} />;
}
