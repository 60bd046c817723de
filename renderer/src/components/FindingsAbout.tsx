import { useFindingsAbout } from '../hooks/useFindingsAbout';
import { FindingItem } from './FindingItem';

/**
 * The findings that name any of the given records, for a detail screen: a DSA passes its own id and
 * its versions' and holdings' ids. Says so plainly when there are none.
 */
export function FindingsAbout({ ids, title = 'Findings' }: { ids: readonly string[]; title?: string }) {
  const about = useFindingsAbout(ids);
  return (
    <section className="related findings-about" aria-label={title}>
      <h3>{title}</h3>
      {about.status === 'error' ? (
        <p role="alert" className="error-banner">
          {about.message}
        </p>
      ) : about.status === 'loading' || about.findings.length === 0 ? (
        <p className="muted">{about.status === 'ready' ? 'No findings: nothing here needs attention today.' : 'Checking…'}</p>
      ) : (
        <ul className="finding-list">
          {about.findings.map((finding) => (
            <FindingItem key={finding.id} finding={finding} compact />
          ))}
        </ul>
      )}
    </section>
  );
}
