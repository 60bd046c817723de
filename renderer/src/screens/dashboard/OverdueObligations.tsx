import { useState } from 'react';
import type { Finding } from '../../../../shared/register/findings';
import { RecordLink } from '../../components/RecordLink';
import { showDate } from '../../format/display';

const FIRST = 20;

/** The obligations past their due date (from OBLIGATION_OVERDUE findings), each linking to the obligation and its agreement. */
export function OverdueObligations({ findings }: { findings: readonly Finding[] }) {
  const [all, setAll] = useState(false);
  const overdue = findings.filter((f) => f.code === 'OBLIGATION_OVERDUE');
  if (overdue.length === 0) return <p className="ok-note">No obligation is overdue.</p>;
  return (
    <>
      <ul className="overdue-list">
        {(all ? overdue : overdue.slice(0, FIRST)).map((finding) => {
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
      {overdue.length > FIRST && !all ? (
        <button type="button" onClick={() => setAll(true)}>
          Show all {overdue.length} overdue obligations
        </button>
      ) : null}
    </>
  );
}
