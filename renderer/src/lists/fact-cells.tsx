import { holdingStateLabels, locationFlagLabels, type HoldingFacts, type HoldingState, type LocationFlag } from '../../../shared/register/list-facts';
import { StatusBadge, type Tone } from '../components/StatusBadge';
import { showDate } from '../format/display';

/**
 * The list cells for facts the main process computes (shared/register/list-facts.ts). Red is kept
 * for what is due now: an overdue destruction, a copy where it must not be; a word always says it.
 */
const holdingStateTones: Record<HoldingState, Tone> = { live: 'info', overdue: 'danger', destroyed: 'warning', certified: 'ok', 'no-copies': 'neutral' };

/** In a table cell the badge says it in a word or two; the Status filter's options say it in full (holdingStateLabels). */
const holdingStateWords: Record<HoldingState, string> = { live: 'Live', overdue: 'Overdue', destroyed: 'Destroyed', certified: 'Certified', 'no-copies': 'No copies' };

export function HoldingStateBadge({ state }: { state: HoldingState }) {
  return (
    <span title={holdingStateLabels[state]}>
      <StatusBadge tone={holdingStateTones[state]}>{holdingStateWords[state]}</StatusBadge>
    </span>
  );
}

export function DestroyByCell({ facts }: { facts: Pick<HoldingFacts, 'destroyBy' | 'state'> }) {
  if (facts.destroyBy === null) return <span className="muted">When next year’s data arrives</span>;
  return facts.state === 'overdue' ? <span className="text-danger">{showDate(facts.destroyBy)} (overdue)</span> : <>{showDate(facts.destroyBy)}</>;
}

export function LocationFlagsCell({ flags }: { flags: readonly LocationFlag[] }) {
  if (flags.length === 0) return <span className="muted">No problem found</span>;
  return (
    <>
      {flags.map((flag) => (
        <StatusBadge key={flag} tone="danger">
          {locationFlagLabels[flag]}
        </StatusBadge>
      ))}
    </>
  );
}

export function OpenFindingsCell({ count }: { count: number }) {
  return count === 0 ? <span className="muted">None</span> : <>{count.toLocaleString('en-GB')}</>;
}
