import { useState } from 'react';
import type { FindingsOverview } from '../../../../shared/findings/findings-query';
import { severities, type Severity } from '../../../../shared/register/findings';
import { FindingItem } from '../../components/FindingItem';
import { capitalise } from '../../format/display';
import { useAllFindings } from '../../hooks/useAllFindings';

/** The findings, grouped high, medium, low, each saying what to do and linking to its records: the first few of each, and all on request. */
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
  const [request, setRequest] = useState(0);
  const { total, first } = overview.bySeverity[severity];
  const all = useAllFindings({ severity, asOf: overview.asOf }, request);
  if (total === 0) return null;
  const shown = all.findings ?? first;
  return (
    <section className="severity-group" aria-label={`${capitalise(severity)} severity findings`}>
      <h3>
        {capitalise(severity)} <span className="muted">({total})</span>
      </h3>
      <ul className="finding-list">
        {shown.map((finding) => (
          <FindingItem key={finding.id} finding={finding} />
        ))}
      </ul>
      {all.error ? (
        <p role="alert" className="error-banner">
          {all.error}
        </p>
      ) : null}
      {total > first.length && !all.findings ? (
        <button type="button" disabled={request > 0 && !all.error} onClick={() => setRequest(request + 1)}>
          {request > 0 && !all.error ? `Loading all ${total} ${severity} findings…` : `Show all ${total} ${severity} findings`}
        </button>
      ) : null}
    </section>
  );
}
