import type { FindingsOverview } from '../../../../shared/findings/findings-query';
import { severities, type Severity } from '../../../../shared/register/findings';
import { FindingItem } from '../../components/FindingItem';
import { capitalise } from '../../format/display';
import { useMoreFindings } from '../../hooks/useMoreFindings';
import { ShowMoreFindings } from '../../components/ShowMoreFindings';
import { useDashboardStore } from '../../stores/dashboard-store';

/** The findings, grouped high, medium, low, each saying what to do and linking to its records: the first few of each, and more on request. */
export function FindingsBySeverity({ overview }: { overview: FindingsOverview }) {
  const total = severities.reduce((n, s) => n + overview.bySeverity[s].total, 0);
  if (total === 0) return <p className="ok-note">No findings: nothing in the register needs attention today.</p>;
  return (
    <>
      {severities.map((severity) => (
        <SeverityGroup key={severity} severity={severity} overview={overview} />
      ))}
    </>
  );
}

function SeverityGroup({ severity, overview }: { severity: Severity; overview: FindingsOverview }) {
  const { total, first } = overview.bySeverity[severity];
  const more = useMoreFindings({ severity, asOf: overview.asOf }, first, total);
  // A new status changes the counts and badges: the dashboard asks again, as after any change.
  const reload = () => void useDashboardStore.getState().load();
  if (total === 0) return null;
  return (
    <section className="severity-group" aria-label={`${capitalise(severity)} severity findings`}>
      <h3>
        {capitalise(severity)} <span className="muted">({total})</span>
      </h3>
      <ul className="finding-list">
        {more.shown.map((finding) => (
          <FindingItem key={finding.id} finding={finding} onStatusChanged={reload} />
        ))}
      </ul>
      <ShowMoreFindings more={more} what={`${severity} findings`} />
    </section>
  );
}
