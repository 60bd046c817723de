import { useState } from 'react';
import type { Deadline } from '../../../../shared/register/deadlines';
import { RecordLink } from '../../components/RecordLink';
import { laneLabels } from '../../dashboard/timeline-layout';
import { showDate } from '../../format/display';

const FIRST = 12;

/** The deadlines as a list, soonest first: the timeline's text alternative, each linking to its record. */
export function DeadlineList({ deadlines }: { deadlines: readonly Deadline[] }) {
  const [all, setAll] = useState(false);
  if (deadlines.length === 0) return <p className="muted">Nothing falls due in the next twelve months.</p>;
  const shown = all ? deadlines : deadlines.slice(0, FIRST);
  return (
    <>
      <ol className="deadline-list" aria-label="Next deadlines, soonest first">
        {shown.map((deadline) => (
          <li key={deadline.id} id={`deadline-${deadline.id}`}>
            <time dateTime={deadline.date}>{showDate(deadline.date)}</time>
            <span className={`deadline-kind kind-${deadline.kind}`}>{laneLabels[deadline.kind]}</span>
            <RecordLink kind={deadline.record.kind} id={deadline.record.id} label={deadline.label} />
          </li>
        ))}
      </ol>
      {deadlines.length > FIRST ? (
        <button type="button" onClick={() => setAll(!all)}>
          {all ? 'Show the first twelve' : `Show all ${deadlines.length} deadlines`}
        </button>
      ) : null}
    </>
  );
}
