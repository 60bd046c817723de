import { useFindings } from '../hooks/useFindings';
import { FindingItem } from './FindingItem';

/**
 * The findings that name any of the given records, for a detail screen: a DSA passes its own id and
 * its versions' and holdings' ids. Says so plainly when there are none.
 */
export function FindingsAbout({ ids, title = 'Findings' }: { ids: readonly string[]; title?: string }) {
  const { findings, status, error } = useFindings();
  const wanted = new Set(ids);
  const about = findings.filter((f) => f.subjects.some((s) => wanted.has(s.id)));
  return (
    <section className="related findings-about" aria-label={title}>
      <h3>{title}</h3>
      {status === 'error' ? (
        <p role="alert" className="error-banner">
          {error}
        </p>
      ) : about.length === 0 ? (
        <p className="muted">{status === 'ready' ? 'No findings: nothing here needs attention today.' : 'Checking…'}</p>
      ) : (
        <ul className="finding-list">
          {about.map((finding) => (
            <FindingItem key={finding.id} finding={finding} compact />
          ))}
        </ul>
      )}
    </section>
  );
}
