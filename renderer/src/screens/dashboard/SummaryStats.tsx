import type { RegisterSummary } from '../../../../shared/dashboard/register-summary';
import type { FindingsOverview } from '../../../../shared/findings/findings-query';
import { showNumber } from '../../format/display';

/** The figures an IG lead is asked first: live holdings and copies, and findings by severity. */
export function SummaryStats({ summary, findings }: { summary: RegisterSummary; findings: FindingsOverview }) {
  const count = (severity: keyof FindingsOverview['bySeverity']) => findings.bySeverity[severity].total;
  const stats = [
    { label: 'Live holdings', value: summary.liveHoldings, tone: '' },
    { label: 'Live copies', value: summary.liveCopies, tone: '' },
    { label: 'High findings', value: count('high'), tone: 'danger' },
    { label: 'Medium findings', value: count('medium'), tone: 'warning' },
    { label: 'Low findings', value: count('low'), tone: 'info' },
  ];
  return (
    <dl className="stats">
      {stats.map((stat) => (
        <div key={stat.label} className={`stat ${stat.tone && stat.value > 0 ? `stat-${stat.tone}` : ''}`}>
          <dt>{stat.label}</dt>
          <dd>{showNumber(stat.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
