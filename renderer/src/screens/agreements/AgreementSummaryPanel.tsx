import { severities } from '../../../../shared/register/findings';
import { RecordLink } from '../../components/RecordLink';
import { StatusBadge } from '../../components/StatusBadge';
import { displayValue, showDate, showNumber } from '../../format/display';
import { useAgreementSummary } from '../../hooks/useAgreementSummary';
import { DestroyByCell, HoldingStateBadge } from '../../lists/fact-cells';
import { versionStatusTone } from '../../lists/status-tones';

const severityWords = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/**
 * What an IG lead needs first about an agreement, before its versions' detail: the version in
 * force and its dates, who the parties are, where data may be, what is held (holdings received
 * under earlier versions and carried over by renewal in the same table) and the findings by severity.
 */
export function AgreementSummaryPanel({ dsaId }: { dsaId: string }) {
  const loaded = useAgreementSummary(dsaId);
  if (loaded.status === 'error')
    return (
      <p role="alert" className="error-banner">
        {loaded.message}
      </p>
    );
  if (loaded.status === 'loading') return <p className="muted">Summarising the agreement…</p>;
  const s = loaded.summary;
  return (
    <section className="agreement-summary" aria-labelledby="agreement-summary-heading">
      <h3 id="agreement-summary-heading">Summary</h3>
      <dl className="summary-facts">
        <div>
          <dt>Current version</dt>
          <dd>
            {s.currentVersion ? (
              <>
                <RecordLink kind="dsaVersion" id={s.currentVersion.id} label={s.currentVersion.label} />{' '}
                <StatusBadge tone={versionStatusTone[s.currentVersion.status]}>{displayValue(s.currentVersion.status)}</StatusBadge>
                <br />
                {showDate(s.currentVersion.startDate)} to {showDate(s.currentVersion.endDate)}, territory {s.currentVersion.territory}
              </>
            ) : (
              'No version recorded'
            )}
          </dd>
        </div>
        <div>
          <dt>Parties</dt>
          <dd>
            {s.parties.length === 0 ? (
              'None recorded'
            ) : (
              <ul className="plain-list">
                {s.parties.map((p) => (
                  <li key={`${p.organisationId}-${p.role}`}>
                    <RecordLink kind="organisation" id={p.organisationId} label={p.label} /> ({displayValue(p.role).toLowerCase()})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Approved locations</dt>
          <dd>
            {s.approvedLocations.length === 0 ? (
              'None: any copy held under it is at an unapproved location'
            ) : (
              <ul className="plain-list">
                {s.approvedLocations.map((a) => (
                  <li key={a.id}>
                    <RecordLink kind="location" id={a.locationId} label={a.label} /> for {displayValue(a.role).toLowerCase()}
                    {a.approvedFrom || a.approvedTo ? ` (${a.approvedFrom ? `from ${showDate(a.approvedFrom)}` : ''}${a.approvedFrom && a.approvedTo ? ' ' : ''}${a.approvedTo ? `until ${showDate(a.approvedTo)}` : ''})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Findings</dt>
          <dd>
            <ul className="plain-list severity-counts">
              {severities.map((severity) => (
                <li key={severity}>
                  <StatusBadge severity={severity}>{`${severityWords[severity]}: ${showNumber(s.findings[severity].open)} open`}</StatusBadge>
                  {s.findings[severity].total > s.findings[severity].open ? <span className="muted"> of {showNumber(s.findings[severity].total)}</span> : null}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table className="data-table" aria-label="Holdings of this agreement">
          <caption className="table-caption">
            Holdings: {showNumber(s.holdings.length)}, with {showNumber(s.liveCopies)} live {s.liveCopies === 1 ? 'copy' : 'copies'}
          </caption>
          <thead>
            <tr>
              <th scope="col">DARS file reference</th>
              <th scope="col">Received under</th>
              <th scope="col" className="align-end">
                Live copies
              </th>
              <th scope="col">Destroy by</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {s.holdings.length === 0 ? (
              <tr>
                <td colSpan={5} className="table-empty">
                  No extracts received under any version.
                </td>
              </tr>
            ) : (
              s.holdings.map((h) => (
                <tr key={h.id}>
                  <td>
                    <RecordLink kind="holding" id={h.id} label={h.label} />
                  </td>
                  <td>
                    {h.versionLabel}
                    {h.carriedOver ? <span className="muted"> (carried over by renewal)</span> : null}
                  </td>
                  <td className="align-end">{showNumber(h.liveCopies)}</td>
                  <td>
                    <DestroyByCell facts={h} />
                  </td>
                  <td>
                    <HoldingStateBadge state={h.state} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
