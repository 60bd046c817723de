import type { DestructionOverview } from '../../../shared/destruction/destruction-api';
import { formatDate } from '../../../shared/register/format-date';

const ruleText = (rule: DestructionOverview['pending'][number]['rule']): string =>
  rule.kind === 'days-after-end' ? `${rule.days} days after the agreement ends` : rule.kind === 'fixed-date' ? `by ${formatDate(rule.date)}` : `${rule.weeks} weeks after the next data year arrives`;

function daysText(daysLeft: number | null): string {
  if (daysLeft === null) return 'No deadline yet';
  if (daysLeft < 0) return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue`;
  if (daysLeft === 0) return 'Due today';
  return `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
}

/** Holdings that still have live copies, soonest deadline first. */
export function PendingTable({ pending }: { pending: DestructionOverview['pending'] }) {
  if (pending.length === 0) return <p className="destruction-empty">Nothing is pending destruction: every recorded copy is destroyed.</p>;
  return (
    <table className="destruction-table">
      <caption className="visually-hidden">Holdings pending destruction</caption>
      <thead>
        <tr>
          <th scope="col">Deadline</th>
          <th scope="col">Time left</th>
          <th scope="col">Holding</th>
          <th scope="col">Rule</th>
          <th scope="col">Live copies</th>
        </tr>
      </thead>
      <tbody>
        {pending.map((p) => (
          <tr key={p.holding.id}>
            <td>{p.deadline ? formatDate(p.deadline) : '—'}</td>
            <td>
              <span className={`destruction-badge ${p.overdue ? 'is-danger' : p.daysLeft !== null && p.daysLeft <= 30 ? 'is-warning' : 'is-neutral'}`}>{daysText(p.daysLeft)}</span>
            </td>
            <td>{p.holding.label}</td>
            <td>{ruleText(p.rule)}</td>
            <td>{p.liveCopies.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
