import { useFindingsAbout, type FindingsAboutQuery } from '../hooks/useFindingsAbout';
import { FindingItem } from './FindingItem';

/**
 * The findings that name any of the given records, for a detail screen (a holding passes its own id
 * and its copies'), or an agreement's findings (`dsaId`: the ones its audit report lists). Says so
 * plainly when there are none.
 */
export function FindingsAbout({ title = 'Findings', ...query }: FindingsAboutQuery & { title?: string }) {
  const about = useFindingsAbout(query);
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
