import type { FindingsOverview } from '../../../../shared/findings/findings-query';
import { RecordLink } from '../../components/RecordLink';
import { showDate } from '../../format/display';
import { useMoreFindings } from '../../hooks/useMoreFindings';
import { ShowMoreFindings } from '../../components/ShowMoreFindings';

/** A side panel: fewer than the findings' first few. */
const FIRST = 20;

/** The obligations past their due date (from OBLIGATION_OVERDUE findings), each linking to the obligation and its agreement. */
export function OverdueObligations({ overview }: { overview: FindingsOverview }) {
  const { total } = overview.overdueObligations;
  const first = overview.overdueObligations.first.slice(0, FIRST);
  const more = useMoreFindings({ code: 'OBLIGATION_OVERDUE', asOf: overview.asOf }, first, total);
  if (total === 0) return <p className="ok-note">No obligation is overdue.</p>;
  return (
    <>
      <ul className="overdue-list">
        {more.shown.map((finding) => {
          const [obligation, ...others] = finding.subjects;
          return (
            <li key={finding.id}>
              {obligation ? <RecordLink kind={obligation.kind} id={obligation.id} label={obligation.label} /> : finding.title}
              <span className="muted"> was due {showDate(finding.dueDate)}</span>
              {others.map((other) => (
                <span key={other.id}>
                  {' · '}
                  <RecordLink kind={other.kind} id={other.id} label={other.label} />
                </span>
              ))}
            </li>
          );
        })}
      </ul>
      <ShowMoreFindings more={more} what="overdue obligations" />
    </>
  );
}
