import type { DisclosureJobStatus } from '../../../shared/disclosure/disclosure-api';
import { StatusBadge } from '../components/StatusBadge';

type Result = NonNullable<DisclosureJobStatus['result']>;

/** What the profile did, what the attacker's audit concluded, and the earlier releases it was audited with. */
export function SummaryPanel({ result }: { result: Result }) {
  const { summary, audit, profile } = result.report;
  const rows: [string, number][] = [
    ['Primary suppressions', summary.primarySuppressions ?? 0],
    ['Complementary suppressions', summary.complementarySuppressions ?? 0],
    ['Rounded', summary.rounded],
    ['Totals recomputed', summary.totalsRecomputed],
    ['National, shown exactly', summary.nationalExact],
    ['Unchanged', summary.unchanged],
  ];
  const fewest = audit.fewestPossibleValues;
  return (
    <section className="disclosure-summary" aria-labelledby="disclosure-summary-heading">
      <h2 id="disclosure-summary-heading">3. Result</h2>
      <p>
        {summary.rows.toLocaleString('en-GB')} rows, {summary.cells.toLocaleString('en-GB')} cells, protected with {profile.name} (version {profile.version}).
      </p>
      <dl className="summary-counts">
        {rows.map(([name, n]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{n.toLocaleString('en-GB')}</dd>
          </div>
        ))}
      </dl>
      {result.refusal ? (
        <div className="audit-verdict audit-failed" role="alert">
          <StatusBadge tone="danger">Export refused</StatusBadge>{' '}
          {capitalise(result.refusal.replace(/^export refused: /, ''))}. Choose a profile with complementary suppression, combine small categories, or remove the exact total that gives the cell away.
        </div>
      ) : (
        <div className="audit-verdict" role="status">
          <StatusBadge tone="ok">Audit passed</StatusBadge>{' '}
          {audit.primaryCellsChecked === 0
            ? 'Nothing was suppressed, so there is nothing to recover.'
            : `${audit.solver ? `The attacker’s linear program (${audit.solver}, ${audit.solverCalls.toLocaleString('en-GB')} solves)` : 'The attacker'} cannot narrow ${
                audit.primaryCellsChecked === 1 ? 'the suppressed cell' : `any of the ${audit.primaryCellsChecked.toLocaleString('en-GB')} suppressed cells`
              } to fewer than ${fewest === 'unbounded' ? 'an unbounded number of' : fewest} possible values; the profile requires ${audit.protectionWidth}.${
                audit.solver ? '' : ' No suppressed cell is part of a total, so each could be any count the rule hides.'
              }`}
        </div>
      )}
      {audit.linkedReleases.length > 0 ? (
        <ul className="linked-releases" aria-label="Earlier releases from this holding">
          {audit.linkedReleases.map((release) => (
            <li key={release.name}>
              {release.linked
                ? `Audited together with the earlier release ${release.name} from this holding.`
                : `Not linked to the earlier release ${release.name}: its margins cannot be the same records as this table’s.`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
