import { useState } from 'react';
import { severities, type Finding } from '../../../../shared/register/findings';
import { FindingItem } from '../../components/FindingItem';
import { capitalise } from '../../format/display';

/** Findings drawn per severity before "Show all": a large register can have thousands. */
const FIRST = 50;

/** Every finding, grouped high, medium, low, each saying what to do and linking to its records. */
export function FindingsBySeverity({ findings }: { findings: readonly Finding[] }) {
  const [expanded, setExpanded] = useState<string[]>([]);
  if (findings.length === 0) return <p className="ok-note">No findings: nothing in the register needs attention today.</p>;
  return (
    <>
      {severities.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className="severity-group" aria-label={`${capitalise(severity)} severity findings`}>
            <h3>
              {capitalise(severity)} <span className="muted">({group.length})</span>
            </h3>
            <ul className="finding-list">
              {(expanded.includes(severity) ? group : group.slice(0, FIRST)).map((finding) => (
                <FindingItem key={finding.id} finding={finding} />
              ))}
            </ul>
            {group.length > FIRST && !expanded.includes(severity) ? (
              <button type="button" onClick={() => setExpanded([...expanded, severity])}>
                Show all {group.length} {severity} findings
              </button>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
